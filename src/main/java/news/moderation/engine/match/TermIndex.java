package news.moderation.engine.match;

import news.moderation.engine.normalize.NormalizedText;
import news.moderation.engine.normalize.WordVisitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All terms of a ruleset (every language, rules, allow-lists and pattern markers) in ONE automaton; a hit is kept when
 * its language is selected and it fits the term's word boundaries and doubled letters.
 */
public final class TermIndex {
    private final AhoCorasick automaton;
    private final String[] keys;
    private final TermEntry[][] entriesByKey;
    private final MaskedWords maskedWords;

    /**
     * @param anyCase look for the (lower-case) terms in any case: a text's chars are read as their lower case
     *                (for the strings patterns need, looked for in the original text)
     */
    public TermIndex(List<TermEntry> entries, boolean anyCase) {
        Map<String, List<TermEntry>> byKey = new LinkedHashMap<>();
        for (TermEntry entry : entries) {
            byKey.computeIfAbsent(entry.term().key(), k -> new ArrayList<>()).add(entry);
        }
        keys = byKey.keySet().toArray(String[]::new);
        entriesByKey = byKey.values().stream().map(list -> list.toArray(TermEntry[]::new)).toArray(TermEntry[][]::new);
        automaton = new AhoCorasick(List.of(keys), anyCase);
        maskedWords = new MaskedWords(entries);
    }

    /**
     * Reports the hits of the terms and allow entries of the selected languages, and hands each word of the text to
     * {@code words} in the same pass over its chars (for the phrase pass, which then need not read them again).
     */
    public void scan(NormalizedText text, long languages, TermHits hits, WordVisitor words) {
        automaton.scan(text.text(), (key, end) -> {
            int start = end - keys[key].length();
            for (TermEntry entry : entriesByKey[key]) {
                if ((entry.languages() & languages) != 0) {
                    report(entry, text, start, end, hits);
                }
            }
        }, words);
        maskedWords.scan(text, languages, hits);
    }

    private static void report(TermEntry entry, NormalizedText text, int start, int end, TermHits hits) {
        Term term = entry.term();
        switch (entry.role()) {
            case RULE, RESPELLING -> {
                if (term.fitsWordBoundaries(text, start, end) && term.doublesMatch(text, start)
                        && term.onesMatch(text, start)) {
                    int[] span = widenToWords(text, term, start, end);
                    hits.ruleHit(entry.owner(), span[0], span[1]);
                }
            }
            case ALLOW -> {
                if (term.fitsWordBoundaries(text, start, end)) {
                    int[] span = widenToWords(text, term, start, end);
                    hits.allowed(span[0], span[1]);
                }
            }
            case MARKER -> hits.markerSeen(entry.owner());
        }
    }

    /**
     * A prefix, suffix or infix hit stands for its whole word: "fuck*" reports (and masks) all of "fucking", and an
     * allow entry "cocktail*" covers all of "cocktails", so a hit anywhere in it is suppressed.
     */
    private static int[] widenToWords(NormalizedText text, Term term, int start, int end) {
        int from = start;
        int to = end;
        if ((term.kind() == Term.Kind.SUFFIX || term.kind() == Term.Kind.INFIX)
                && from > 0 && NormalizedText.isWordChar(text.charAt(from - 1))) {
            from = text.wordStart(from - 1);
        }
        if ((term.kind() == Term.Kind.PREFIX || term.kind() == Term.Kind.INFIX)
                && to < text.length() && NormalizedText.isWordChar(text.charAt(to))) {
            to = text.wordEnd(to);
        }
        return new int[] {from, to};
    }

    /**
     * Reports only the markers found in {@code text}, a plain string (for patterns on the original text; in any case
     * when this index was built so).
     */
    public void scanMarkers(String text, TermHits hits) {
        automaton.scan(text, (key, end) -> {
            for (TermEntry entry : entriesByKey[key]) {
                if (entry.role() == TermEntry.Role.MARKER) {
                    hits.markerSeen(entry.owner());
                }
            }
        }, WordVisitor.NONE);
    }
}
