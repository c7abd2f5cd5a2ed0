package news.moderation.engine.rules;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How far a match of a re2j regex can reach, counted in characters that are NOT re2j word characters
 * ({@code [0-9A-Za-z_]}): {@code \w*}, {@code [a-z]+} and literal letters cost nothing, a space, {@code .} or a
 * negated class costs up to 2 (a code point outside the BMP is 2 UTF-16 chars). A match with at most N such chars
 * spans at most N+1 (partial) words, so a window of N non-word chars either side of a string the match must contain
 * holds every match that contains it (see {@link PatternRule#findAll(String, int[], int, MatchConsumer)}).
 *
 * <p>{@link #UNBOUNDED} when the count has no bound ({@code (?:\w+ )*}, {@code [^x]+}), when the regex uses anchors
 * ({@code ^ $ \A \z}: they would match at a window's edge), {@code \Q}, or anything this small parser does not know.
 * Under {@code (?i)} every letter may match a non-word char (re2j folds {@code k} to U+212A KELVIN SIGN).
 */
final class MatchExtent {
    static final int UNBOUNDED = -1;

    /**
     * @param maxNonWordChars the most non-word chars of a match that are NOT inside an unbounded repetition, or
     *                        {@link #UNBOUNDED}
     * @param cover           the strings the unbounded repetitions can match, one iteration at a time (only those
     *                        with a non-word char): every other non-word char of a match lies inside an occurrence
     *                        of one of them. Empty when the regex has no such repetition.
     */
    record Extent(int maxNonWordChars, Set<String> cover) {
    }

    private static final long INFINITE = Long.MAX_VALUE / 4;

    private final String regex;
    private int i;
    private boolean ignoreCase;
    private final Set<String> cover = new LinkedHashSet<>();

    private MatchExtent(String regex) {
        this.regex = regex;
    }

    /** @return the most non-word chars a match can contain, or {@link #UNBOUNDED} */
    static int maxNonWordChars(String regex) {
        Extent extent = of(regex);
        return extent.cover().isEmpty() ? extent.maxNonWordChars() : UNBOUNDED;
    }

    /**
     * Like {@link #maxNonWordChars(String)}, but an unbounded repetition of a part whose matches are a small finite
     * set of strings ({@code (?:{filler} )*}) does not make the regex unbounded: its strings go to {@code cover}.
     */
    static Extent of(String regex) {
        MatchExtent parser = new MatchExtent(regex);
        try {
            long max = parser.alternation();
            if (parser.i < regex.length() || max >= INFINITE || max > Integer.MAX_VALUE / 4) {
                return new Extent(UNBOUNDED, Set.of());
            }
            return new Extent((int) max, Set.copyOf(parser.cover));
        } catch (Unknown | RuntimeException e) {
            return new Extent(UNBOUNDED, Set.of());
        }
    }

    /** Thrown for syntax that makes windows unsafe or that this parser does not handle. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private long alternation() throws Unknown {
        long max = sequence();
        while (i < regex.length() && regex.charAt(i) == '|') {
            i++;
            max = Math.max(max, sequence());
        }
        return max;
    }

    private long sequence() throws Unknown {
        long sum = 0;
        while (i < regex.length() && regex.charAt(i) != '|' && regex.charAt(i) != ')') {
            int atomStart = i;
            long atom = atom();
            sum = Math.min(INFINITE, sum + quantified(atom, atomStart, i));
        }
        return sum;
    }

    private long quantified(long atom, int atomStart, int atomEnd) throws Unknown {
        if (i >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(i);
        long result;
        if (c == '?') {
            result = atom;
        } else if (c == '*' || c == '+') {
            result = atom == 0 ? 0 : unbounded(atomStart, atomEnd);
        } else if (c == '{' && repeatEnd() > 0) {
            int close = repeatEnd();
            String counts = regex.substring(i + 1, close);
            int comma = counts.indexOf(',');
            if (comma >= 0 && comma == counts.length() - 1) {
                result = atom == 0 ? 0 : unbounded(atomStart, atomEnd); // {n,}
            } else {
                long most = Long.parseLong(comma < 0 ? counts : counts.substring(comma + 1));
                result = atom == 0 ? 0 : Math.min(INFINITE, atom * most);
            }
            i = close;
        } else {
            return atom;
        }
        i++;
        if (i < regex.length() && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
            if (regex.charAt(i) == '+') {
                throw new Unknown();
            }
            i++; // lazy
        }
        return result;
    }

    /**
     * An unbounded repetition of {@code regex[atomStart, atomEnd)}: costs nothing when every iteration is one of a
     * small, complete set of strings (they go to {@code cover}), otherwise INFINITE.
     */
    private long unbounded(int atomStart, int atomEnd) throws Unknown {
        String atom = regex.substring(atomStart, atomEnd);
        if (ignoreCase || atom.replace("(?:", "").contains("(?")) {
            return INFINITE; // the exact strings below are case-sensitive; named or flagged groups: not worth it
        }
        Set<String> strings = RegexFootprint.exactStrings(atom);
        if (strings == null) {
            return INFINITE;
        }
        for (String string : strings) {
            if (!string.chars().allMatch(ch -> ch < 128 && isWordChar((char) ch))) {
                cover.add(string);
            }
        }
        return 0;
    }

    private int repeatEnd() {
        int close = regex.indexOf('}', i);
        if (close < 0) {
            return -1;
        }
        String counts = regex.substring(i + 1, close);
        boolean digitsAndComma = !counts.isEmpty() && Character.isDigit(counts.charAt(0))
                && counts.chars().allMatch(ch -> Character.isDigit(ch) || ch == ',');
        return digitsAndComma && counts.chars().filter(ch -> ch == ',').count() <= 1 ? close : -1;
    }

    private long atom() throws Unknown {
        char c = regex.charAt(i++);
        if (Character.isSurrogate(c)) {
            throw new Unknown();
        }
        switch (c) {
            case '(' -> {
                if (regex.startsWith("?", i)) {
                    int j = i + 1;
                    while (j < regex.length() && "imsU-".indexOf(regex.charAt(j)) >= 0) {
                        j++;
                    }
                    if (j < regex.length() && (regex.charAt(j) == ')' || regex.charAt(j) == ':')) {
                        if (regex.substring(i + 1, j).contains("i")) {
                            ignoreCase = true; // conservative: for the rest of the regex, whatever the scope
                        }
                        i = j + 1;
                        if (regex.charAt(j) == ')') {
                            return 0; // a flag group such as (?i)
                        }
                    } else if (regex.startsWith("?P<", i) || regex.startsWith("?<", i)) {
                        int name = regex.indexOf('>', i);
                        if (name < 0) {
                            throw new Unknown();
                        }
                        i = name + 1;
                    } else {
                        throw new Unknown();
                    }
                }
                long group = alternation();
                if (i >= regex.length() || regex.charAt(i) != ')') {
                    throw new Unknown();
                }
                i++;
                return group;
            }
            case '[' -> {
                int end = RegexFootprint.characterClassEnd(regex, i, true);
                if (end < 0) {
                    throw new Unknown(); // not closed, or [[:alpha:]] and the like
                }
                String body = regex.substring(i, end);
                i = end + 1;
                AsciiSet members = RegexFootprint.characterClass(body);
                if (members == null) {
                    return 2;
                }
                return isWordOnly(members) ? 0 : 1;
            }
            case '\\' -> {
                if (i >= regex.length()) {
                    throw new Unknown();
                }
                char escaped = regex.charAt(i++);
                switch (escaped) {
                    case 'b', 'B' -> {
                        return 0;
                    }
                    case 'd' -> {
                        return 0;
                    }
                    case 'w' -> {
                        return ignoreCase ? 1 : 0;
                    }
                    case 's', 'n', 't', 'r', 'f' -> {
                        return 1;
                    }
                    case 'D', 'W', 'S' -> {
                        return 2;
                    }
                    case 'p', 'P', 'x' -> {
                        if (i < regex.length() && regex.charAt(i) == '{') {
                            int close = regex.indexOf('}', i);
                            if (close < 0) {
                                throw new Unknown();
                            }
                            i = close + 1;
                        } else if (escaped == 'x') {
                            i += 2;
                        } else {
                            i++;
                        }
                        return 2;
                    }
                    default -> {
                        if (escaped < 128 && !Character.isLetterOrDigit(escaped)) {
                            return 1; // escaped punctuation: \. \- \+ ...
                        }
                        throw new Unknown(); // \A \z \Q \C \1 ...
                    }
                }
            }
            case '^', '$' -> throw new Unknown();
            case '.' -> {
                return 2;
            }
            case ')' -> throw new Unknown();
            default -> {
                return literal(c);
            }
        }
    }

    private long literal(char c) {
        if (c < 128 && isWordChar(c)) {
            return ignoreCase && Character.isLetter(c) ? 1 : 0;
        }
        return 1;
    }

    private boolean isWordOnly(AsciiSet members) {
        if (members.intersection(AsciiSet.WORD).size() != members.size()) {
            return false;
        }
        return !ignoreCase || members.intersection(AsciiSet.LETTERS).size() == 0;
    }

    /** A word char for re2j's {@code \b} and {@code \w}: ASCII letters, digits and '_'. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
