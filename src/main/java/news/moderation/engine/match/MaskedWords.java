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
                    && term.letters() >= MIN_TERM_LETTERS && term.key().length() < Long.SIZE) {
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
        if (word.chars().filter(c -> c != '*').count() < MIN_VISIBLE_LETTERS
                || word.chars().anyMatch(c -> c >= '0' && c <= '9')) {
            return; // a digit left after leetspeak is a number ("n**2", "c**2" are exponents), not a disguise
        }
        if (word.charAt(0) == '*' && word.indexOf('*', 1) < 0 && word.length() > 1 && word.charAt(1) != '*') {
            return; // one star opening a word is emphasis over several words ("*of course*"), not a masked letter
        }
        char first = word.charAt(0);
        List<TermEntry> candidates = first == '*' ? all : byFirstLetter.getOrDefault(first, List.of());
        String wordGlob = globOfWord(word);
        for (TermEntry entry : candidates) {
            Term term = entry.term();
            boolean prefix = term.kind() == Term.Kind.PREFIX;
            String relevant = relevantPart(wordGlob, term.key().length(), prefix);
            if ((entry.languages() & languages) != 0 && relevant != null && canSpell(relevant, term.key(), prefix)) {
                hits.ruleHit(entry.owner(), start, start + word.length());
            }
        }
    }

    /**
     * The part of a word's glob that decides whether it can spell a term of {@code termLength} letters, so that one
     * very long word costs no more than a short one. Every element of a glob but {@code %} stands for exactly one
     * letter and {@code %} only ever follows {@code ?}, so a term's letters are spelled by at most
     * {@code 2 * termLength + 1} elements: a longer glob cannot spell a whole-word term (null), and for a prefix term
     * its first {@code 2 * termLength + 2} elements answer the same as all of it (the term's {@code *} takes the rest).
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

    /** "f**k" becomes "f?%k": a single mask is one letter, a run of masks one or more ('?' then '%', zero or more). */
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

    /**
     * Whether the glob can spell {@code key} ({@code prefix}: {@code key} followed by any letters). Bit j of the state
     * says the glob read so far can spell the first j letters of the key; one step per glob element, so a word
     * costs a few operations per candidate term, whatever the masks (keys are shorter than 64 letters).
     */
    static boolean canSpell(String glob, String key, boolean prefix) {
        int length = key.length();
        long all = (1L << (length + 1)) - 1; // positions 0..length
        long whole = 1L << length;
        long state = 1L; // nothing spelled yet
        boolean startsWithLetter = !glob.isEmpty() && glob.charAt(0) != ONE_LETTER;
        int lettersShown = 0;
        for (int i = 0; i < glob.length() && state != 0; i++) {
            if (prefix && (state & whole) != 0 && (startsWithLetter || lettersShown >= MIN_VISIBLE_LETTERS)) {
                // the key is spelled; the term's '*' takes the rest of the word. A run of masks in front spells
                // nothing by itself: "***warning" could be "shitshow" + "arning", but shows one letter of it
                return true;
            }
            char element = glob.charAt(i);
            if (element == ANY_LETTERS) {
                state = (all & -Long.lowestOneBit(state)) & all; // zero or more letters: every later position
            } else if (element == ONE_LETTER) {
                state = (state << 1) & all;
            } else {
                state = (state << 1) & positionsAfter(key, element);
                lettersShown++;
            }
        }
        return (state & whole) != 0;
    }

    /** The bits j + 1 for every position j of {@code key} that holds {@code letter}. */
    private static long positionsAfter(String key, char letter) {
        long positions = 0;
        for (int j = 0; j < key.length(); j++) {
            if (key.charAt(j) == letter) {
                positions |= 1L << (j + 1);
            }
        }
        return positions;
    }
}
