package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The one syntax tree of a pattern's regex (re2j syntax; patterns read the original text, words are phrases). It is
 * read once, by {@link #parse}, and every analysis works on it: the compile budget ({@link CompileBudget}) and the
 * footprint that gates the pattern ({@link RegexFootprint}); re2j compiles the same text only to match. Parsing
 * refuses what re2j cannot run in linear time (look-around, back-references, atomic groups, possessive
 * quantifiers), {@code \Q...\E} quoting, {@code {list}} references (lists are for phrases), and what would make the
 * parse itself costly: a pattern over {@link #MAX_PATTERN_CHARS} chars, groups nested over
 * {@link #MAX_NESTING_DEPTH} deep, a repeat count over {@link #MAX_REPEAT_COUNT}.
 */
final class RegexTree {
    /** re2j's own limit for one count; checked here too, so the message names the pattern's real problem. */
    static final int MAX_REPEAT_COUNT = 1000;
    /** Groups inside groups: re2j simplifies and compiles recursively. */
    static final int MAX_NESTING_DEPTH = 50;
    /** The pattern as written: re2j takes time quadratic in the length of a run of literal chars. */
    static final int MAX_PATTERN_CHARS = 4096;

    /** A part of the regex. */
    sealed interface Node permits Literal, OneOf, Assertion, Flags, Sequence, Alternation, Group, Repeat {
    }

    /** One char as itself. */
    record Literal(char c) implements Node {
    }

    /**
     * One char of a class, escape or {@code .}. {@code ascii}: its members when all are ASCII, else null;
     * {@code asciiMembers}: its ASCII members also when it has others ("[A-Za-zÀ-ÿ]"); both null when not analysed
     * (any char: {@code .}, a negated, Unicode or POSIX class).
     */
    record OneOf(AsciiSet ascii, AsciiSet asciiMembers) implements Node {
        static final OneOf ANY = new OneOf(null, null);

        static OneOf of(AsciiSet ascii) {
            return ascii == null ? ANY : new OneOf(ascii, ascii);
        }
    }

    /**
     * {@code ^ $ \b \B \A \z}: no char. {@code written} is the char that names it ('^', '$', 'b', 'B', 'A', 'z'):
     * only a word boundary can be judged from the chars next to it, the others need the text's ends or lines.
     */
    record Assertion(char written) implements Node {
        boolean isWordBoundary() {
            return written == 'b' || written == 'B';
        }
    }

    /** A flag group such as {@code (?i)}: no char, no instruction. */
    record Flags() implements Node {
    }

    record Sequence(List<Node> parts) implements Node {
    }

    /** {@code a|b|c}; only where there is more than one alternative. */
    record Alternation(List<Node> alternatives) implements Node {
    }

    /** {@code (...)}, {@code (?:...)}, {@code (?P<name>...)} or {@code (?i:...)}. */
    record Group(Node body) implements Node {
    }

    /**
     * {@code body} at least {@code min} and at most {@code max} times ({@code max} < 0: no limit); {@code counted}
     * for {@code {n}}, {@code {n,}}, {@code {n,m}} (re2j writes those out), not for {@code * + ?}.
     */
    record Repeat(Node body, int min, int max, boolean counted) implements Node {
    }

    private final Node root;
    private final boolean ignoresCase;

    private RegexTree(Node root, boolean ignoresCase) {
        this.root = root;
        this.ignoresCase = ignoresCase;
    }

    Node root() {
        return root;
    }

    /**
     * Whether a flag group turns on case folding anywhere ({@code (?i)}, {@code (?si)}, {@code (?i:...)}): then
     * both cases count everywhere, which is conservative.
     */
    boolean ignoresCase() {
        return ignoresCase;
    }

    /** @throws IllegalArgumentException naming the construct or the limit, for what is refused */
    static RegexTree parse(String regex) {
        if (regex.length() > MAX_PATTERN_CHARS) {
            throw refused("pattern over the compile budget: it is " + regex.length() + " chars long, more than "
                    + MAX_PATTERN_CHARS + " (put long alternatives into a {list})");
        }
        Parser parser = new Parser(regex);
        Node root = parser.alternation(0);
        if (parser.i < regex.length()) {
            throw refused("invalid re2j pattern: the ')' at index " + parser.i + " closes no group");
        }
        return new RegexTree(root, parser.ignoresCase);
    }

    private static IllegalArgumentException refused(String message) {
        return new IllegalArgumentException(message);
    }

    private static IllegalArgumentException unsupported(String construct) {
        return refused("pattern uses " + construct + ", which re2j does not support: only linear-time regex syntax "
                + "is allowed");
    }

    /** The refusal of a {@code {name}} in a pattern. */
    private static IllegalArgumentException listInPattern(String name) {
        return refused("{" + name + "}: word lists are for phrases; a pattern reads the original text character by "
                + "character");
    }

    /** Recursive descent over alternation, sequence, quantified atom. */
    private static final class Parser {
        /** Group openings java.util.regex knows and re2j does not (it runs in linear time without them). */
        private static final List<String[]> UNSUPPORTED_GROUPS = List.of(
                new String[] {"?=", "look-ahead"}, new String[] {"?!", "negative look-ahead"},
                new String[] {"?<=", "look-behind"}, new String[] {"?<!", "negative look-behind"},
                new String[] {"?>", "atomic group"});

        private final String regex;
        private int i;
        private boolean ignoresCase;

        private Parser(String regex) {
            this.regex = regex;
        }

        /** @param depth how many groups enclose this alternation */
        private Node alternation(int depth) {
            List<Node> alternatives = new ArrayList<>();
            alternatives.add(sequence(depth));
            while (i < regex.length() && regex.charAt(i) == '|') {
                i++;
                alternatives.add(sequence(depth));
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new Alternation(List.copyOf(alternatives));
        }

        private Node sequence(int depth) {
            List<Node> parts = new ArrayList<>();
            while (i < regex.length() && regex.charAt(i) != '|' && regex.charAt(i) != ')') {
                parts.add(quantified(atom(depth)));
            }
            return new Sequence(List.copyOf(parts));
        }

        private Node quantified(Node atom) {
            if (i >= regex.length()) {
                return atom;
            }
            char c = regex.charAt(i);
            int min;
            int max = -1;
            boolean counted = false;
            if (c == '?') {
                min = 0;
                max = 1;
            } else if (c == '*') {
                min = 0;
            } else if (c == '+') {
                min = 1;
            } else if (c == '{' && repeatEnd() > 0) {
                String counts = regex.substring(i + 1, repeatEnd());
                int comma = counts.indexOf(',');
                min = count(comma < 0 ? counts : counts.substring(0, comma));
                if (comma < 0) {
                    max = min;
                } else if (comma < counts.length() - 1) {
                    max = count(counts.substring(comma + 1));
                }
                counted = true;
                i = repeatEnd();
            } else {
                return atom;
            }
            i++;
            if (i < regex.length() && regex.charAt(i) == '?') {
                i++; // lazy
            } else if (i < regex.length() && regex.charAt(i) == '+') {
                throw unsupported("a possessive quantifier (\"" + regex.substring(i - 1, i + 1) + "\")");
            }
            return new Repeat(atom, min, max, counted);
        }

        private static int count(String digits) {
            if (digits.length() > 9 || Integer.parseInt(digits) > MAX_REPEAT_COUNT) {
                throw refused("pattern over the compile budget: repeat count " + digits + " is more than "
                        + MAX_REPEAT_COUNT);
            }
            return Integer.parseInt(digits);
        }

        /** @return the index of the '}' of a repeat count such as {2} {2,} {2,5} at i, or -1 */
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

        /** {@code \pL}, {@code \p{Greek}}, {@code \x41}, {@code \x{1F600}}: moves past the argument at i. */
        private void skipEscapeArgument(char escaped) {
            if (i < regex.length() && regex.charAt(i) == '{') {
                int close = regex.indexOf('}', i);
                i = close < 0 ? regex.length() : close + 1;
            } else {
                i = Math.min(regex.length(), i + (escaped == 'x' ? 2 : 1));
            }
        }

        /** A name as {@code {name}} refers to a word list in a phrase: ASCII letters, digits, '_', not a count. */
        private static boolean isListName(String name) {
            return !name.isEmpty() && !Character.isDigit(name.charAt(0)) && name.chars()
                    .allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'));
        }

        private Node atom(int depth) {
            char c = regex.charAt(i++);
            switch (c) {
                case '(' -> {
                    return group(depth);
                }
                case '[' -> {
                    int end = characterClassEnd(regex, i);
                    if (end < 0) {
                        i = regex.length();
                        return OneOf.ANY; // not closed: re2j refuses it anyway
                    }
                    String body = regex.substring(i, end);
                    i = end + 1;
                    return characterClass(body);
                }
                case '\\' -> {
                    char escaped = i < regex.length() ? regex.charAt(i++) : '\\';
                    if ("bBAz".indexOf(escaped) >= 0) {
                        return new Assertion(escaped);
                    }
                    if ((escaped >= '1' && escaped <= '9') || (escaped == 'k' && regex.startsWith("<", i))) {
                        throw unsupported("a back-reference (\"\\" + escaped + "\")");
                    }
                    if (escaped == 'Q') {
                        throw refused("pattern uses \\Q...\\E quoting, which is not supported: escape each special "
                                + "character with a backslash");
                    }
                    if (escaped == 'p' || escaped == 'P' || escaped == 'x') {
                        skipEscapeArgument(escaped);
                        return OneOf.ANY; // a Unicode class or a hex char: not analysed, so not required
                    }
                    if (escaped < 128 && !Character.isLetterOrDigit(escaped)) {
                        return new Literal(escaped);
                    }
                    return OneOf.of(escapeClass(escaped));
                }
                case '^', '$' -> {
                    return new Assertion(c);
                }
                case '.' -> {
                    return OneOf.ANY;
                }
                case '{' -> {
                    int close = regex.indexOf('}', i);
                    if (close > i && isListName(regex.substring(i, close))) {
                        throw listInPattern(regex.substring(i, close));
                    }
                    return new Literal(c);
                }
                default -> {
                    return new Literal(c);
                }
            }
        }

        /** After a '(': a flag group, or a group with its flags or name, up to and with its ')'. */
        private Node group(int depth) {
            for (String[] construct : UNSUPPORTED_GROUPS) {
                if (regex.startsWith(construct[0], i)) {
                    throw unsupported("a " + construct[1] + " (\"(" + construct[0] + "\")");
                }
            }
            if (regex.startsWith("?", i)) {
                int close = regex.indexOf(')', i);
                int colon = regex.indexOf(':', i);
                int name = regex.indexOf('>', i);
                if (close >= 0 && (colon < 0 || close < colon) && (name < 0 || close < name)) {
                    noteFlags(regex.substring(i + 1, close));
                    i = close + 1;
                    return new Flags();
                }
                int bodyStart = Math.min(colon < 0 ? Integer.MAX_VALUE : colon, name < 0 ? Integer.MAX_VALUE : name);
                if (bodyStart == colon) {
                    noteFlags(regex.substring(i + 1, colon)); // (?i:...), not the name of (?P<name>...)
                }
                i = bodyStart + 1;
            }
            if (depth + 1 > MAX_NESTING_DEPTH) {
                throw refused("pattern over the compile budget: groups nested more than " + MAX_NESTING_DEPTH
                        + " deep");
            }
            Node body = alternation(depth + 1);
            i++; // ')'
            return new Group(body);
        }

        /** The flags of a group as written, "s-i" in (?s-i): case folding is on when an 'i' comes before the '-'. */
        private void noteFlags(String flags) {
            int minus = flags.indexOf('-');
            ignoresCase |= (minus < 0 ? flags : flags.substring(0, minus)).indexOf('i') >= 0;
        }
    }

    /**
     * Where a character class ends, given the index just after its '[': the index of its closing ']', or -1 when it
     * is not closed. A POSIX class inside ({@code [[:alpha:]]}) is skipped whole; an unclosed '[:' is a plain '['.
     */
    private static int characterClassEnd(String regex, int start) {
        int i = start;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            int posixClassEnd = regex.startsWith("[:", i) ? regex.indexOf(":]", i + 2) : -1;
            i = posixClassEnd >= 0 ? posixClassEnd + 2 : i + (regex.charAt(i) == '\\' ? 2 : 1); // else '[' is a char
        }
        return i < regex.length() ? i : -1;
    }

    /**
     * A class body ("A-Za-z0-9._%+-", "\\d ()-", "A-Za-zÀ-ÿ"): its ASCII members and whether it has others; any
     * char (not analysed) if negated or holding a POSIX, Unicode or other escape class. Under {@code (?i)} re2j folds
     * the Kelvin sign and the long s into 'k' and 's', so a class holding them has those among its ASCII members.
     */
    private static OneOf characterClass(String body) {
        if (body.isEmpty() || body.charAt(0) == '^' || body.contains("[:")) {
            return OneOf.ANY;
        }
        AsciiSet members = AsciiSet.NONE;
        boolean nonAscii = false;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '\\' && k + 1 < body.length()) {
                AsciiSet escaped = escapeClass(body.charAt(++k));
                if (escaped == null) {
                    return OneOf.ANY;
                }
                members = members.union(escaped);
            } else if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
                char to = body.charAt(k + 2);
                members = members.union(AsciiSet.range(c, (char) Math.min(to, 127))).union(foldedIntoAscii(c, to));
                nonAscii |= to >= 128;
                k += 2;
            } else {
                members = members.union(c < 128 ? AsciiSet.of(c) : foldedIntoAscii(c, c));
                nonAscii |= c >= 128;
            }
        }
        return nonAscii ? new OneOf(null, members) : OneOf.of(members);
    }

    /** The ASCII letters that {@code (?i)} folds a char from {@code from} to {@code to} into (non-ASCII ones only). */
    static AsciiSet foldedIntoAscii(char from, char to) {
        AsciiSet folded = AsciiSet.NONE;
        if (from <= '\u212A' && '\u212A' <= to) {
            folded = folded.union(AsciiSet.of('k')); // the Kelvin sign
        }
        if (from <= '\u017F' && '\u017F' <= to) {
            folded = folded.union(AsciiSet.of('s')); // the long s
        }
        return folded;
    }

    /** \d \w \s and escaped punctuation; null for anything else (\D, \pL, \x{..}, ...). */
    private static AsciiSet escapeClass(char escaped) {
        return switch (escaped) {
            case 'd' -> AsciiSet.DIGITS;
            case 'w' -> AsciiSet.WORD;
            case 's' -> AsciiSet.SPACE;
            case 'n' -> AsciiSet.of('\n');
            case 't' -> AsciiSet.of('\t');
            default -> escaped < 128 && !Character.isLetterOrDigit(escaped) ? AsciiSet.of(escaped) : null;
        };
    }
}
