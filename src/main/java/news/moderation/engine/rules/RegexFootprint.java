package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every match of a regex must contain, worked out by a small parser of re2j syntax, so that a pattern only
 * runs on texts where it can match (re2j is linear but slow: a few MB/s for big alternations).
 *
 * <ul>
 *   <li>{@code requiredStrings}: groups of strings; every match contains one string of each group. "{group} are
 *       {dehumanising}" needs a group word and a dehumanising word. An automaton looks for these strings (as
 *       markers) so a pattern whose strings are absent costs nothing. Case is kept; for {@code (?i)} patterns the
 *       caller compares in lower case.</li>
 *   <li>{@code alphabet}: every character of a match is one of these, and a match is at least {@code minLength}
 *       long; so the text needs a run of {@code minLength} such characters. A phone-number pattern
 *       ({@code \+?\d[\d ()-]{7,}\d}) needs 9 digits, spaces or brackets in a row: prose with a year does not.</li>
 *   <li>{@code requiredChars}: every match contains one of these ('@' for an e-mail address).</li>
 *   <li>{@code wordBoundaries}: per group of {@code requiredStrings}, for each string, the positions inside it where
 *       the match asserts a re2j word boundary ({@code \b}), as a bit mask (bit p: a boundary between the string's
 *       chars p-1 and p; bit {@code length}: at its end). They come from the {@code \b(?:entry|entry\w*|...)\b}
 *       the pattern compiler writes for a {@code {list}}: "ho" of {@code \b(?:ho|...)\b} is only a hit at a word
 *       start and end, never inside "who". 0 (or no entry) when nothing is known.</li>
 * </ul>
 * Each is empty or null when the regex allows anything there ({@code .}, {@code \pL}, negated classes, ...).
 */
public record RegexFootprint(List<Set<String>> requiredStrings, AsciiSet alphabet, int minLength,
                             AsciiSet requiredChars, List<Map<String, Long>> wordBoundaries) {

    /**
     * Stands for a {@code \b} inside the strings while parsing (zero width; removed from the results). A regex that
     * contains this char itself gets no boundaries.
     */
    private static final char BOUNDARY = '\uFFFF';

    public RegexFootprint(List<Set<String>> requiredStrings, AsciiSet alphabet, int minLength,
                          AsciiSet requiredChars) {
        this(requiredStrings, alphabet, minLength, requiredChars, List.of());
    }

    /** The word-boundary mask of {@code string} of group {@code group} (see {@link #wordBoundaries()}), or 0. */
    public long wordBoundaries(int group, String string) {
        if (group >= wordBoundaries.size()) {
            return 0;
        }
        Long mask = wordBoundaries.get(group).get(string);
        return mask == null ? 0 : mask;
    }

    /** A group with a string shorter than this ("r", "u") is present in almost any text: not worth looking for. */
    private static final int MIN_USEFUL_LENGTH = 2;
    private static final int MAX_GROUPS = 3;
    private static final int MAX_EXACT_STRINGS = 256;
    /**
     * A group of more strings is not kept: it would gate little, and building it for a {@code {list}} of thousands
     * of entries (one copy per alternative) would take seconds. Without it the pattern is still right, only ungated.
     */
    private static final int MAX_GROUP_STRINGS = 2048;
    /**
     * Longer strings are cut into groups: enough to gate any pattern, and a long literal pattern is not rebuilt char
     * by char (quadratic in its length).
     */
    private static final int MAX_EXACT_LENGTH = 128;
    private static final AsciiSet COMMON = AsciiSet.LETTERS.union(AsciiSet.SPACE);

    static RegexFootprint of(String regex) {
        Parser parser = new Parser(regex);
        Node node = parser.alternation();
        if (parser.i < regex.length()) {
            return new RegexFootprint(List.of(), null, 0, null); // an unbalanced ')': re2j refuses it anyway
        }
        boolean ignoreCase = regex.contains("(?i");
        List<Set<String>> groups = new ArrayList<>();
        List<Map<String, Long>> boundaries = new ArrayList<>();
        for (Set<String> group : node.bestStringGroups()) {
            Map<String, Long> masks = new LinkedHashMap<>();
            for (String string : group) {
                // the same string with different boundaries (from different branches): only what all of them assert
                masks.merge(withoutBoundaries(string), boundaryMask(string), (a, b) -> a & b);
            }
            groups.add(Collections.unmodifiableSet(new LinkedHashSet<>(masks.keySet())));
            boundaries.add(Collections.unmodifiableMap(masks));
        }
        AsciiSet alphabet = ignoreCase ? bothCases(node.alphabet) : node.alphabet;
        AsciiSet requiredChars = ignoreCase ? bothCases(node.requiredChars) : node.requiredChars;
        return new RegexFootprint(List.copyOf(groups), alphabet, node.minLength, requiredChars,
                List.copyOf(boundaries));
    }

    private static String withoutBoundaries(String string) {
        return string.indexOf(BOUNDARY) < 0 ? string : string.replace(String.valueOf(BOUNDARY), "");
    }

    /** Bit p set: a {@code \b} stands before char p of the string without boundaries (p == length: at its end). */
    private static long boundaryMask(String string) {
        long mask = 0;
        int position = 0;
        for (int k = 0; k < string.length(); k++) {
            if (string.charAt(k) == BOUNDARY) {
                if (position < Long.SIZE) {
                    mask |= 1L << position;
                }
            } else {
                position++;
            }
        }
        return mask;
    }

    /**
     * The complete set of strings {@code regex} matches (case-sensitive, as written), or null when that is not a
     * small set known for sure (classes, {@code .}, counted repetitions, more than 256 strings ...).
     */
    static Set<String> exactStrings(String regex) {
        Parser parser = new Parser(regex);
        Node node = parser.alternation();
        if (parser.i < regex.length() || node.exact() == null) {
            return null;
        }
        Set<String> strings = new LinkedHashSet<>();
        for (String string : node.exact()) {
            strings.add(withoutBoundaries(string));
        }
        return strings;
    }

    /** The character checks; the string groups are checked by the term pass. */
    boolean mayMatch(String text) {
        if (requiredChars != null && !containsAny(text, requiredChars)) {
            return false;
        }
        return alphabet == null || minLength <= 1 || hasRun(text, alphabet, minLength);
    }

    private static boolean containsAny(String text, AsciiSet set) {
        for (int i = 0, length = text.length(); i < length; i++) {
            if (set.contains(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} has {@code minLength} consecutive characters of {@code set}. Probes every
     * {@code minLength}-th character (a run that long must cover one) and measures the run around it.
     */
    private static boolean hasRun(String text, AsciiSet set, int minLength) {
        int length = text.length();
        int probe = minLength - 1;
        while (probe < length) {
            if (!set.contains(text.charAt(probe))) {
                probe += minLength;
                continue;
            }
            int start = probe;
            while (start > 0 && set.contains(text.charAt(start - 1))) {
                start--;
            }
            int end = probe + 1;
            while (end < length && end - start < minLength && set.contains(text.charAt(end))) {
                end++;
            }
            if (end - start >= minLength) {
                return true;
            }
            probe = end + minLength; // text[end] is not in the set: the next run starts after it
        }
        return false;
    }

    private static AsciiSet bothCases(AsciiSet set) {
        if (set == null) {
            return null;
        }
        AsciiSet folded = set;
        for (char c = 'a'; c <= 'z'; c++) {
            char upper = Character.toUpperCase(c);
            if (set.contains(c) || set.contains(upper)) {
                folded = folded.union(AsciiSet.of(c)).union(AsciiSet.of(upper));
            }
        }
        return folded;
    }

    /**
     * What is known about the matches of one part of a regex. {@code exact}: the complete, small set of strings it
     * matches (null if not small or not known); {@code tail}: strings one of which every match ends with (can still
     * grow with what follows); {@code required}: string groups every match contains one of.
     */
    private record Node(AsciiSet alphabet, int minLength, AsciiSet requiredChars, Set<String> exact,
                        Set<String> tail, List<Set<String>> required) {

        static final Node EMPTY = new Node(AsciiSet.NONE, 0, null, Set.of(""), Set.of(""), List.of());
        static final Node ANYTHING = new Node(null, 1, null, null, null, List.of());

        static Node oneOf(AsciiSet set) {
            return set == null ? ANYTHING : new Node(set, 1, set, null, null, List.of());
        }

        static Node literal(char c) {
            AsciiSet set = c < 128 ? AsciiSet.of(c) : null;
            Set<String> string = Set.of(String.valueOf(c));
            return new Node(set, 1, set, string, string, List.of());
        }

        /** This, then {@code next}. */
        Node then(Node next) {
            AsciiSet joinedAlphabet = alphabet == null || next.alphabet == null ? null : alphabet.union(next.alphabet);
            AsciiSet chars = requiredChars == null ? next.requiredChars
                    : next.requiredChars == null || rarity(requiredChars) <= rarity(next.requiredChars)
                    ? requiredChars : next.requiredChars;
            List<Set<String>> groups = new ArrayList<>(required);
            groups.addAll(next.required);
            Set<String> exactProduct = product(exact, next.exact);
            Set<String> newTail;
            if (next.exact == null) {
                addGroup(groups, tail);
                newTail = next.tail;
            } else {
                newTail = product(tail, next.exact);
                if (newTail == null) {
                    addGroup(groups, tail);
                    newTail = next.exact;
                }
            }
            return new Node(joinedAlphabet, minLength + next.minLength, chars, exactProduct, newTail, groups);
        }

        /** This or {@code other}. */
        Node or(Node other) {
            AsciiSet joinedAlphabet = alphabet == null || other.alphabet == null ? null : alphabet.union(other.alphabet);
            AsciiSet chars = requiredChars == null || other.requiredChars == null
                    ? null : requiredChars.union(other.requiredChars);
            Set<String> union = null;
            if (exact != null && other.exact != null && exact.size() + other.exact.size() <= MAX_EXACT_STRINGS) {
                union = new LinkedHashSet<>(exact);
                union.addAll(other.exact);
            }
            List<Set<String>> groups = new ArrayList<>();
            Set<String> mine = bestGroup();
            Set<String> theirs = other.bestGroup();
            if (union == null && mine != null && theirs != null
                    && mine.size() + theirs.size() <= MAX_GROUP_STRINGS) {
                Set<String> either = new LinkedHashSet<>(mine);
                either.addAll(theirs);
                groups.add(either);
            }
            return new Node(joinedAlphabet, Math.min(minLength, other.minLength), chars, union, union, groups);
        }

        /** This, repeated at least {@code min} times ({@code atMostOnce}: and at most once). */
        Node repeated(int min, boolean atMostOnce) {
            if (min == 0) {
                Set<String> optional = null;
                if (atMostOnce && exact != null) {
                    optional = new LinkedHashSet<>(exact);
                    optional.add("");
                }
                return new Node(alphabet, 0, null, optional, optional, List.of());
            }
            int length = (int) Math.min((long) minLength * min, Integer.MAX_VALUE / 2);
            if (min == 1 && atMostOnce) {
                return this;
            }
            List<Set<String>> groups = new ArrayList<>(required);
            addGroup(groups, tail);
            return new Node(alphabet, length, requiredChars, null, null, groups);
        }

        /** Lower is more selective: few characters, and not spaces or letters, which every comment has. */
        private static int rarity(AsciiSet chars) {
            return chars.size() + 64 * chars.intersection(COMMON).size();
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            if (left == null || right == null || (long) left.size() * right.size() > MAX_EXACT_STRINGS
                    || longest(left) + longest(right) > MAX_EXACT_LENGTH) {
                return null;
            }
            Set<String> product = new LinkedHashSet<>();
            for (String a : left) {
                for (String b : right) {
                    product.add(a + b);
                }
            }
            return product;
        }

        private static int longest(Set<String> strings) {
            int longest = 0;
            for (String string : strings) {
                longest = Math.max(longest, string.length());
            }
            return longest;
        }

        private static void addGroup(List<Set<String>> groups, Set<String> strings) {
            if (strings != null && shortest(strings) > 0) {
                groups.add(strings);
            }
        }

        /** Any group will do for an alternative (sound); the most selective one is best. */
        private Set<String> bestGroup() {
            List<Set<String>> groups = new ArrayList<>(required);
            addGroup(groups, tail);
            return groups.stream().max(Comparator.comparingInt(Node::shortest)).orElse(null);
        }

        /** The most selective groups: longest shortest string first, then fewest strings. */
        List<Set<String>> bestStringGroups() {
            List<Set<String>> groups = new ArrayList<>(required);
            addGroup(groups, tail);
            groups.removeIf(group -> shortest(group) < MIN_USEFUL_LENGTH);
            groups.sort(Comparator.comparingInt(Node::shortest).reversed().thenComparingInt(Set::size));
            return List.copyOf(groups.subList(0, Math.min(MAX_GROUPS, groups.size())));
        }

        private static int shortest(Set<String> strings) {
            return strings.stream().mapToInt(s -> withoutBoundaries(s).strip().length()).min().orElse(0);
        }
    }

    /** Recursive descent over alternation, sequence, quantified atom. */
    private static final class Parser {
        private final String regex;
        private int i;

        Parser(String regex) {
            this.regex = regex;
        }

        Node alternation() {
            Node result = sequence();
            while (i < regex.length() && regex.charAt(i) == '|') {
                i++;
                result = result.or(sequence());
            }
            return result;
        }

        private Node sequence() {
            Node result = Node.EMPTY;
            while (i < regex.length() && regex.charAt(i) != '|' && regex.charAt(i) != ')') {
                result = result.then(quantified(atom()));
            }
            return result;
        }

        private Node quantified(Node atom) {
            if (i >= regex.length()) {
                return atom;
            }
            char c = regex.charAt(i);
            int min;
            boolean atMostOnce = false;
            if (c == '?') {
                min = 0;
                atMostOnce = true;
            } else if (c == '*') {
                min = 0;
            } else if (c == '+') {
                min = 1;
            } else if (c == '{' && repeatEnd() > 0) {
                String counts = regex.substring(i + 1, repeatEnd());
                int comma = counts.indexOf(',');
                min = Integer.parseInt(comma < 0 ? counts : counts.substring(0, comma));
                atMostOnce = counts.equals("0,1") || counts.equals("1") || counts.equals("0");
                i = repeatEnd();
            } else {
                return atom;
            }
            i++;
            if (i < regex.length() && regex.charAt(i) == '?') {
                i++; // lazy
            }
            return atom.repeated(min, atMostOnce);
        }

        /**
         * At i, just after a {@code \b}: the expansion of a {@code {list}} as the pattern compiler writes it,
         * {@code \b(?:word|word\w*|...)\b} with each word a quoted literal. Parsed as usual, but its strings carry the
         * boundaries: before each word, and after each word without {@code \w*}. Null (nothing consumed) for
         * anything else.
         */
        private Node boundedList() {
            if (!regex.startsWith("(?:", i) || regex.indexOf(BOUNDARY) >= 0) {
                return null;
            }
            Set<String> words = new LinkedHashSet<>();
            boolean allWhole = true;
            StringBuilder word = new StringBuilder();
            boolean prefix = false;
            int j = i + 3;
            while (true) {
                if (j >= regex.length()) {
                    return null;
                }
                char c = regex.charAt(j);
                if (c == '|' || c == ')') {
                    if (word.length() == 0) {
                        return null;
                    }
                    words.add(BOUNDARY + word.toString() + (prefix ? "" : String.valueOf(BOUNDARY)));
                    allWhole &= !prefix;
                    word.setLength(0);
                    prefix = false;
                    j++;
                    if (c == ')') {
                        break;
                    }
                } else if (prefix) {
                    return null; // something after the \w*
                } else if (regex.startsWith("\\w*", j)) {
                    prefix = true;
                    j += 3;
                } else if (c == '\\') {
                    if (j + 1 >= regex.length()) {
                        return null;
                    }
                    char escaped = regex.charAt(j + 1);
                    if (escaped >= 128 || Character.isLetterOrDigit(escaped)) {
                        return null;
                    }
                    word.append(escaped);
                    j += 2;
                } else if ("()[]{}.*+?^$".indexOf(c) >= 0 || Character.isSurrogate(c)) {
                    return null;
                } else {
                    word.append(c);
                    j++;
                }
            }
            if (!regex.startsWith("\\b", j)) {
                return null;
            }
            Parser inner = new Parser(regex.substring(i, j));
            Node plain = inner.alternation();
            if (inner.i != j - i) {
                return null;
            }
            Set<String> plainWords = new LinkedHashSet<>();
            for (String string : words) {
                plainWords.add(withoutBoundaries(string));
            }
            i = j + 2;
            boolean same = plainWords.equals(plain.exact != null ? plain.exact
                    : plain.required.size() == 1 ? plain.required.get(0) : null);
            if (!same) {
                return plain; // not the shape expected: as before, without boundaries
            }
            if (allWhole && plain.exact != null) {
                return new Node(plain.alphabet, plain.minLength, plain.requiredChars, words, words, List.of());
            }
            if (plain.exact != null) {
                return plain;
            }
            return new Node(plain.alphabet, plain.minLength, plain.requiredChars, null, null, List.of(words));
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

        private Node atom() {
            char c = regex.charAt(i++);
            switch (c) {
                case '(' -> {
                    if (regex.startsWith("?", i)) {
                        int close = regex.indexOf(')', i);
                        int colon = regex.indexOf(':', i);
                        int name = regex.indexOf('>', i);
                        if (close >= 0 && (colon < 0 || close < colon) && (name < 0 || close < name)) {
                            i = close + 1; // a flag group such as (?i)
                            return Node.EMPTY;
                        }
                        i = Math.min(colon < 0 ? Integer.MAX_VALUE : colon, name < 0 ? Integer.MAX_VALUE : name) + 1;
                    }
                    Node group = alternation();
                    i++; // ')'
                    return group;
                }
                case '[' -> {
                    int end = characterClassEnd(regex, i, false);
                    String body = regex.substring(i, end < 0 ? regex.length() : end);
                    i = end < 0 ? regex.length() + 1 : end + 1;
                    return Node.oneOf(characterClass(body));
                }
                case '\\' -> {
                    char escaped = i < regex.length() ? regex.charAt(i++) : '\\';
                    if (escaped == 'b') {
                        Node list = boundedList();
                        if (list != null) {
                            return list;
                        }
                    }
                    if ("bBAz".indexOf(escaped) >= 0) {
                        return Node.EMPTY; // zero-width
                    }
                    if (escaped < 128 && !Character.isLetterOrDigit(escaped)) {
                        return Node.literal(escaped);
                    }
                    return Node.oneOf(escapeClass(escaped));
                }
                case '^', '$' -> {
                    return Node.EMPTY;
                }
                case '.' -> {
                    return Node.ANYTHING;
                }
                default -> {
                    return Node.literal(c);
                }
            }
        }
    }

    /** The ASCII members of a class body ("A-Za-z0-9._%+-", "\\d ()-"); null if negated or not plain ASCII. */
    /**
     * Where a character class ends, given the index just after its '[': the index of its closing ']', or -1 when it is
     * not closed or, with {@code refuseNested}, holds a '[' (POSIX classes such as [[:alpha:]]).
     */
    static int characterClassEnd(String regex, int start, boolean refuseNested) {
        int i = start;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length() && regex.charAt(i) != ']') {
            if (refuseNested && regex.charAt(i) == '[') {
                return -1;
            }
            i += regex.charAt(i) == '\\' ? 2 : 1;
        }
        return i < regex.length() ? i : -1;
    }

        static AsciiSet characterClass(String body) {
        if (body.isEmpty() || body.charAt(0) == '^') {
            return null;
        }
        AsciiSet members = AsciiSet.NONE;
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c >= 128) {
                return null;
            }
            if (c == '\\' && k + 1 < body.length()) {
                AsciiSet escaped = escapeClass(body.charAt(++k));
                if (escaped == null) {
                    return null;
                }
                members = members.union(escaped);
            } else if (k + 2 < body.length() && body.charAt(k + 1) == '-' && body.charAt(k + 2) < 128) {
                members = members.union(AsciiSet.range(c, body.charAt(k + 2)));
                k += 2;
            } else {
                members = members.union(AsciiSet.of(c));
            }
        }
        return members;
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
