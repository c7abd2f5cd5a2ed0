package news.moderation.engine.rules;

import news.moderation.engine.match.Term;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sound-alike spellings of a term listed under a rule's {@code respelled:} (docs/rules.md, "Respellings"): each
 * letter or letter pair of the term as written may be spelled as it sounds ("ck" as k, c or q, "ph" and "f" for each
 * other, "u" as v or oo, "er" at the end as a or ah, s as z, g as q) and a vowel after the first letter may be left
 * out, in every combination. The normaliser already undoes repeated letters, digits, masks and separators, so a
 * respelling says only what they cannot ("mothafukka" is "*fucker" with er as a and ck as k; its kk is the
 * normaliser's). A respelling is kept only when it has at least {@value #MIN_LETTERS} letters,
 * {@value #MIN_LETTERS_WITHOUT_A_VOWEL} when it leaves out a vowel: a shorter one ("fuk", "fvc", "fckr") is as likely
 * an abbreviation or a name, and a rule lists the short ones it wants as terms.
 */
final class Respellings {
    /**
     * A term whose spellings multiply beyond this is refused: it would bloat the automaton for one word. The same
     * bound, counted over every way of spelling it (which may spell one string several ways: "aa" without either
     * "a"), keeps the work for any term as written small.
     */
    static final int MAX_PER_TERM = 1_000;
    /** A respelled term is a word: longer ones are refused before they are spelled. */
    static final int MAX_LETTERS = 40;
    static final int MIN_LETTERS = 4;
    /** Left-out vowels make a short spelling an abbreviation or the end of a name ("Kafkas" ends in fkas). */
    static final int MIN_LETTERS_WITHOUT_A_VOWEL = 5;
    private static final String VOWELS = "aeiou";

    private Respellings() {
    }

    /**
     * Every respelling of {@code written} (a term as written: letters a-z, with a leading and/or trailing {@code *} for
     * its kind), in the same form and without {@code written} itself.
     *
     * @throws IllegalArgumentException when the term is not a single word of a-z or has too many spellings
     */
    static List<String> of(String written) {
        Term.Written form = Term.Written.of(written);
        String word = form.word();
        if (word.isEmpty() || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            throw new IllegalArgumentException("respelled term \"" + written
                    + "\": a respelled term is one word of the letters a-z");
        }
        if (word.length() > MAX_LETTERS) {
            throw new IllegalArgumentException("respelled term \"" + written + "\" has more than " + MAX_LETTERS
                    + " letters; respell the part that carries the word");
        }
        Set<String> spellings = new LinkedHashSet<>();
        new Speller(word, written, spellings).spell(0, new StringBuilder(), false);
        spellings.remove(word);
        List<String> out = new ArrayList<>(spellings.size());
        for (String spelling : spellings) {
            out.add(form.kind().write(spelling));
        }
        return out;
    }

    private static final class Speller {
        private final String word;
        private final String written;
        private final Set<String> out;
        private int ways;

        Speller(String word, String written, Set<String> out) {
            this.word = word;
            this.written = written;
            this.out = out;
        }

        void spell(int at, StringBuilder prefix, boolean leftOutAVowel) {
            if (at == word.length()) {
                if (++ways > MAX_PER_TERM) {
                    throw new IllegalArgumentException("respelled term \"" + written + "\" has more than "
                            + MAX_PER_TERM + " spellings; respell a shorter part of it (\"*fucker\", not "
                            + "\"motherfucker\")");
                }
                if (prefix.length() >= (leftOutAVowel ? MIN_LETTERS_WITHOUT_A_VOWEL : MIN_LETTERS)) {
                    out.add(prefix.toString());
                }
                return;
            }
            int length = prefix.length();
            for (Alternative alternative : alternatives(word, at)) {
                prefix.append(alternative.spelling());
                spell(at + alternative.consumes(), prefix, leftOutAVowel || alternative.spelling().isEmpty());
                prefix.setLength(length);
            }
        }
    }

    private record Alternative(int consumes, String spelling) {
    }

    /** The spellings of the letters of {@code word} at {@code at}, the letters as written first. */
    private static List<Alternative> alternatives(String word, int at) {
        char letter = word.charAt(at);
        char next = at + 1 < word.length() ? word.charAt(at + 1) : 0;
        if (word.startsWith("ck", at)) {
            return pair("ck", "k", "c", "q");
        }
        if (word.startsWith("ph", at)) {
            return pair("ph", "f");
        }
        if (word.startsWith("ss", at)) {
            return pair("ss", "z");
        }
        int left = word.length() - at;
        if (at > 0 && word.startsWith("er", at) && (left == 2 || left == 3 && word.charAt(at + 2) == 's')) {
            return pair("er", "a", "ah", "r", "ur");
        }
        List<Alternative> out = new ArrayList<>();
        out.add(new Alternative(1, String.valueOf(letter)));
        switch (letter) {
            case 'c' -> {
                if ("eihyk".indexOf(next) < 0) { // a hard c: "cunt", not "bitch" or "cell"
                    out.add(new Alternative(1, "k"));
                }
            }
            case 'f' -> out.add(new Alternative(1, "ph"));
            case 'g' -> out.add(new Alternative(1, "q"));
            case 's' -> out.add(new Alternative(1, "z"));
            case 'u' -> {
                out.add(new Alternative(1, "v"));
                out.add(new Alternative(1, "oo"));
            }
            case 'i' -> out.add(new Alternative(1, "y"));
            case 'x' -> out.add(new Alternative(1, "ks"));
            default -> {
            }
        }
        if (at > 0 && VOWELS.indexOf(letter) >= 0) {
            out.add(new Alternative(1, ""));
        }
        return out;
    }

    private static List<Alternative> pair(String written, String... sounds) {
        List<Alternative> out = new ArrayList<>(sounds.length + 1);
        out.add(new Alternative(written.length(), written));
        for (String sound : sounds) {
            out.add(new Alternative(2, sound));
        }
        return out;
    }
}
