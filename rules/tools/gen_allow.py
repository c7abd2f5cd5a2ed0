#!/usr/bin/env python3
"""Regenerate rules/<lang>/allow-generated.yaml from the wildcard terms of the ruleset and a word list.

For every prefix / suffix / infix term (``fuck*``, ``*shit``, ``*cunt*``) of every language, this lists the words of
the dictionary (default /usr/share/dict/american-english, Debian package ``wamerican``) that the wildcard would catch,
keeps those that are innocent (not an inflection or compound of the offensive stem, not themselves a term), and writes
them as whole-word allow entries so that no dictionary word is flagged unless it is itself offensive.

Usage (from the repository root):
    apt-get install wamerican            # if /usr/share/dict/american-english is missing
    python3 rules/tools/gen_allow.py     # rewrites rules/*/allow-generated.yaml
    python3 rules/tools/gen_allow.py --check   # exit 1 if a dictionary word would still be flagged
Needs Python 3 with PyYAML (Debian package python3-yaml).
"""
import argparse, glob, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.dirname(HERE)

# Endings that turn an offensive stem into another offensive word (fuck -> fucking, bitch -> bitchy).
INFLECT = {"", "s", "es", "ed", "d", "ing", "in", "er", "ers", "r", "rs", "y", "ier", "iest", "ies", "iness",
           "ery", "a", "as", "az", "z", "ah", "ahs", "o", "os", "ish", "ly", "ass", "face", "faces", "head", "heads",
           "hole", "holes", "bag", "bags", "wad", "wads", "er's", "'s", "s'", "ry", "tard", "tards", "fest", "load",
           "loads", "storm", "show", "stain", "stains", "less", "nut", "nuts", "ty", "tie", "ties", "ty's", "let",
           "lets", "ness", "ard", "ards", "ic", "eous", "ous", "ting", "ted", "ter", "ters", "tier", "tiest", "ty", "tily",
           "ging", "ged", "ger", "gers", "gy", "pered", "per", "pers", "king", "ked"}
# Dictionary words that a wildcard catches and that ARE offensive although not a plain inflection.
OFFENSIVE = {"shithead", "shitheads", "pussies", "whorehouse", "whorehouses", "faggoting", "retarded",
             "bitchiness", "bitchier", "bitchiest", "cocksucker", "cocksuckers", "motherfucker", "motherfuckers",
             "bullshitted", "bullshitting", "horseshit", "sluttish", "sluttier", "sluttiest", "whoreish",
             "cuntish"}
# Dictionary words that look like an inflection of a stem but are innocent (retard -> retarding in physics).
INNOCENT = {"retarding", "retardant", "retardants", "retardation", "niggard", "niggards", "niggardly",
            "niggardliness", "titter", "tittered", "tittering", "titters", "cocky", "cockier", "cockiest",
            "cockiness", "analyst", "analysts", "cummings", "dickered", "dickering", "dickers", "dicker"}


def fold(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("'", "").replace("\u2019", "")


def load_yaml(path):
    try:
        import yaml
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except ImportError:
        sys.exit("PyYAML is required (python3-yaml)")


def terms_by_language(include_generated=False):
    out = {}
    allow = {}
    for path in sorted(glob.glob(os.path.join(RULES, "**", "*.yaml"), recursive=True)):
        if os.path.basename(path) == "allow-generated.yaml" and not include_generated:
            continue
        doc = load_yaml(path) or {}
        lang = doc.get("language")
        for rule in doc.get("rules") or []:
            for t in rule.get("terms") or []:
                out.setdefault(lang, []).append((rule["id"], fold(str(t))))
        for a in doc.get("allow") or []:
            allow.setdefault(lang, set()).add(fold(str(a)))
    return out, allow


def allow_covers(word, allow_entries):
    for a in allow_entries:
        if " " in a:
            continue
        if a.startswith("*") and a.endswith("*") and a.strip("*") in word:
            return True
        if a.endswith("*") and not a.startswith("*") and word.startswith(a[:-1]):
            return True
        if a.startswith("*") and not a.endswith("*") and word.endswith(a[1:]):
            return True
        if a == word:
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--check", action="store_true", help="only report, exit 1 if a dictionary word is flagged")
    args = ap.parse_args()
    words = sorted({fold(w.strip()) for w in open(args.dict, encoding="utf-8") if w.strip()})
    words = [w for w in words if re.fullmatch(r"[a-z]+", w)]
    terms, allow = terms_by_language(include_generated=args.check)
    dict_words = set(words)
    whole = {t for lst in terms.values() for _, t in lst if "*" not in t and " " not in t}
    all_allow = set().union(*allow.values()) if allow else set()
    problems = 0
    for lang, lst in sorted(terms.items()):
        found = {}
        for rid, t in lst:
            if " " in t or "*" not in t:
                continue
            stem = t.strip("*")
            pre, suf = t.endswith("*"), t.startswith("*")
            for w in words:
                if pre and suf:
                    hit = stem in w and w != stem
                    rest = w.replace(stem, "", 1)
                elif pre:
                    hit = w.startswith(stem) and w != stem
                    rest = w[len(stem):]
                else:
                    hit = w.endswith(stem) and w != stem
                    rest = w[:-len(stem)]
                if not hit:
                    continue
                offensive = (w in OFFENSIVE or w in whole
                             # an infix term is only written for a stem no innocent word contains
                             or (pre and suf and w not in INNOCENT)
                             or (pre and not suf and rest in INFLECT and w not in INNOCENT)
                             or (suf and not pre and w not in INNOCENT and (rest in dict_words or rest in INFLECT)))
                if offensive:
                    continue
                found.setdefault(w, set()).add(t)
        hand = allow.get(lang, set()) | allow.get("any", set())
        pending = {w: ts for w, ts in found.items() if not allow_covers(w, hand)}
        if args.check:
            for w, ts in sorted(pending.items()):
                if not allow_covers(w, all_allow):
                    print(f"{lang}: dictionary word '{w}' caught by {sorted(ts)}")
                    problems += 1
            continue
        path = os.path.join(RULES, lang, "allow-generated.yaml")
        if not pending and lang != "en":
            if os.path.exists(path):
                os.remove(path)
            continue
        by_term = {}
        for w, ts in pending.items():
            by_term.setdefault(sorted(ts)[0], []).append(w)
        with open(path, "w", encoding="utf-8") as f:
            f.write("# GENERATED by rules/tools/gen_allow.py - do not edit by hand.\n")
            f.write("# Innocent words of /usr/share/dict/american-english that a wildcard term of this language would catch.\n")
            f.write("# Regenerate after changing terms:  python3 rules/tools/gen_allow.py   (needs package wamerican)\n")
            f.write(f"language: {lang}\nallow:{' []' if not pending else ''}\n")
            for t in sorted(by_term):
                f.write(f"  # caught by {t}\n")
                for w in sorted(by_term[t]):
                    f.write(f"  - {w}\n")
        print(f"{path}: {len(pending)} entries")
    # whole-word terms that are dictionary words: listed for human review (they must be offensive words)
    if args.check:
        dict_set = set(words)
        for lang, lst in sorted(terms.items()):
            for rid, t in lst:
                if "*" not in t and " " not in t and t in dict_set:
                    print(f"review: {lang} term '{t}' ({rid}) is a dictionary word")
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
