package news.moderation.engine.match;

import news.moderation.engine.normalize.NormalizedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Self-censored words ("f*ck", "sh*t", "f**k", "f**king"): in the normalised text a {@code *} inside a word stands
 * for exactly one letter, a run of two or more for one or more letters. Such a word hits a whole-word or prefix term
 * of at least {@value #MIN_TERM_LETTERS} letters that it can spell, provided the word shows at least
 * {@value #MIN_VISIBLE_LETTERS} real letters ("f***" alone says too little). Clean text has no {@code *}, so this
 * costs one {@code indexOf}.
 */
final class MaskedWords {
    private static final int MIN_TERM_LETTERS = 3;
    private static final int MIN_VISIBLE_LETTERS = 2;

    private final Map<Character, List<TermEntry>> byFirstLetter = new HashMap<>();
    private final List<TermEntry> all = new ArrayList<>();

    MaskedWords(List<TermEntry> entries) {
        for (TermEntry entry : entries) {
            Term term = entry.term();
            boolean wordTerm = term.kind() == Term.Kind.WHOLE || term.kind() == Term.Kind.PREFIX;
            if (entry.role() == TermEntry.Role.RULE && wordTerm && term.isSingleWord()
                    && term.letters() >= MIN_TERM_LETTERS) {
                byFirstLetter.computeIfAbsent(term.key().charAt(0), c -> new ArrayList<>()).add(entry);
                all.add(entry);
            }
        }
    }

    void scan(NormalizedText text, long languages, TermHits hits) {
        String normalized = text.text();
        int mask = normalized.indexOf('*');
        while (mask >= 0) {
            int start = mask;
            while (start > 0 && NormalizedText.isWordChar(normalized.charAt(start - 1))) {
                start--;
            }
            int end = mask;
            while (end < normalized.length() && NormalizedText.isWordChar(normalized.charAt(end))) {
                end++;
            }
            matchWord(normalized.substring(start, end), languages, start, hits);
            mask = normalized.indexOf('*', end);
        }
    }

    private void matchWord(String word, long languages, int start, TermHits hits) {
        if (word.chars().filter(c -> c != '*').count() < MIN_VISIBLE_LETTERS) {
            return;
        }
        char first = word.charAt(0);
        List<TermEntry> candidates = first == '*' ? all : byFirstLetter.getOrDefault(first, List.of());
        String wordGlob = globOfWord(word);
        int wordLetters = (int) wordGlob.chars().filter(c -> c != ANY_LETTERS).count();
        boolean wordBounded = wordLetters == wordGlob.length();
        for (TermEntry entry : candidates) {
            Term term = entry.term();
            boolean prefix = term.kind() == Term.Kind.PREFIX;
            if (!lengthsAgree(term.key().length(), prefix, wordLetters, wordBounded)) {
                continue;
            }
            String termGlob = prefix ? term.key() + ANY_LETTERS : term.key();
            String relevant = relevantPart(wordGlob, term.key().length(), prefix);
            if ((entry.languages() & languages) != 0 && relevant != null
                    && GlobIntersection.nonEmpty(relevant, termGlob)) {
                hits.ruleHit(entry.owner(), start, start + word.length());
            }
        }
    }

    /**
     * Whether a string can have both lengths: the word's ({@code wordLetters} elements, each exactly one letter, and
     * any number more if not {@code wordBounded}) and the term's ({@code termLength} letters, or more for a prefix
     * term). A cheap necessary condition for {@link GlobIntersection}, checked first because most candidates fail it.
     */
    private static boolean lengthsAgree(int termLength, boolean prefix, int wordLetters, boolean wordBounded) {
        if (wordBounded) {
            return prefix ? termLength <= wordLetters : termLength == wordLetters;
        }
        return prefix || termLength >= wordLetters;
    }

    /**
     * The part of a word's glob that decides whether it can spell a term of {@code termLength} letters, so that one
     * very long word costs no more than a short one. Every element of a glob but {@code %} stands for exactly one
     * letter and {@code %} only ever follows {@code ?}, so a term's letters are spelled by at most
     * {@code 2 * termLength + 1} elements: a longer glob cannot spell a whole-word term (null), and for a prefix term
     * its first {@code 2 * termLength + 2} elements answer the same as all of it (the term's {@code %} takes the rest).
     */
    private static String relevantPart(String wordGlob, int termLength, boolean prefix) {
        int decisive = 2 * termLength + 2;
        if (wordGlob.length() <= decisive) {
            return wordGlob;
        }
        return prefix ? wordGlob.substring(0, decisive) : null;
    }

    static final char ONE_LETTER = '?';
    static final char ANY_LETTERS = '%';

    /** "f**k" becomes "f?%k": a single mask is one letter, a run of masks one or more. */
    private static String globOfWord(String word) {
        StringBuilder glob = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) != '*') {
                glob.append(word.charAt(i));
            } else if (i > 0 && word.charAt(i - 1) == '*') {
                if (glob.charAt(glob.length() - 1) != ANY_LETTERS) {
                    glob.append(ANY_LETTERS);
                }
            } else {
                glob.append(ONE_LETTER);
            }
        }
        return glob.toString();
    }

    /** Whether two globs over letters, '?' (one letter) and '%' (zero or more letters), share a string. */
    static final class GlobIntersection {
        private GlobIntersection() {
        }

        static boolean nonEmpty(String a, String b) {
            return matches(a, 0, b, 0, new byte[(a.length() + 1) * (b.length() + 1)]);
        }

        private static boolean matches(String a, int i, String b, int j, byte[] memo) {
            int slot = i * (b.length() + 1) + j;
            if (memo[slot] != 0) {
                return memo[slot] > 0;
            }
            boolean result;
            if (i == a.length() && j == b.length()) {
                result = true;
            } else if (i < a.length() && a.charAt(i) == ANY_LETTERS) {
                result = matches(a, i + 1, b, j, memo)
                        || (j < b.length() && b.charAt(j) != ANY_LETTERS && matches(a, i, b, j + 1, memo));
            } else if (j < b.length() && b.charAt(j) == ANY_LETTERS) {
                result = matches(a, i, b, j + 1, memo) || (i < a.length() && matches(a, i + 1, b, j, memo));
            } else {
                result = i < a.length() && j < b.length()
                        && (a.charAt(i) == b.charAt(j) || a.charAt(i) == ONE_LETTER || b.charAt(j) == ONE_LETTER)
                        && matches(a, i + 1, b, j + 1, memo);
            }
            memo[slot] = (byte) (result ? 1 : -1);
            return result;
        }
    }
}
