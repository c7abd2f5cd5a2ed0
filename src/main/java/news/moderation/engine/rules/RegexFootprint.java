package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every match of a pattern must contain, worked out from the pattern's one syntax tree ({@link RegexTree}), so
 * that a pattern only runs on texts where it can match (re2j is linear but slow: about 15 µs a {@code find()}).
 *
 * <ul>
 *   <li>{@code requiredStrings}: groups of strings; every match contains one string of each group. "{group} are
 *       {dehumanising}" needs a group word and a dehumanising word. An automaton looks for these strings (as
 *       markers) so a pattern whose strings are absent costs nothing. Case is kept; for {@code (?i)} patterns the
 *       marker pass compares in lower case; for a pattern that keeps case, {@link #requiredStringsAsWrittenIn}
 *       then compares as written.</li>
 *   <li>{@code alphabet}: every character of a match is one of these, and a match is at least {@code minLength}
 *       long; so the text needs a run of {@code minLength} such characters. A phone-number pattern
 *       ({@code \+?\d[\d ()-]{7,}\d}) needs 9 digits, spaces or brackets in a row: prose with a year does not.</li>
 *   <li>{@code requiredChars}: every match contains one of these ('@' for an e-mail address).</li>
 *   <li>{@code requiredWindows}: runs of char sets every match contains ({@link CharShape}): an e-mail address has
 *       "[A-Za-z0-9._%+-]@[A-Za-z0-9]", so the '@' of "RT @user" does not let a text through.</li>
 *   <li>{@code searchRegions}: where in a text that gets through the matches can lie ({@link SearchRegions}), so
 *       re2j reads those regions only; null when the whole text is searched.</li>
 * </ul>
 * Each is empty or null when the regex allows anything there ({@code .}, {@code \pL}, negated classes, ...).
 */
public record RegexFootprint(List<Set<String>> requiredStrings, AsciiSet alphabet, int minLength,
                             AsciiSet requiredChars, List<CharWindow> requiredWindows, boolean keepsCase,
                             SearchRegions searchRegions) {

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

    /** @throws IllegalArgumentException naming the construct, for syntax that is refused ({@link RegexTree}) */
    static RegexFootprint of(String regex) {
        return of(RegexTree.parse(regex));
    }

    static RegexFootprint of(RegexTree tree) {
        Node node = Node.of(tree.root());
        boolean ignoreCase = tree.ignoresCase();
        List<Set<String>> groups = new ArrayList<>();
        for (Set<String> group : node.bestStringGroups()) {
            groups.add(Collections.unmodifiableSet(withoutLongerVariants(group)));
        }
        AsciiSet alphabet = ignoreCase ? bothCases(node.alphabet) : node.alphabet;
        AsciiSet requiredChars = ignoreCase ? bothCases(node.requiredChars) : node.requiredChars;
        CharShape shape = ignoreCase ? node.shape.bothCases() : node.shape;
        return new RegexFootprint(List.copyOf(groups), alphabet, node.minLength, requiredChars,
                shape.requiredWindows().stream().map(CharWindow::of).toList(), !ignoreCase, SearchRegions.of(tree));
    }

    /**
     * The strings of a group that hold no other string of it: a text holding "Street." holds "Street", so the group
     * says the same with half the strings to look for, as written and by the marker pass.
     */
    private static Set<String> withoutLongerVariants(Set<String> group) {
        Set<String> kept = new LinkedHashSet<>();
        for (String string : group) {
            if (group.stream().noneMatch(other -> other.length() < string.length() && string.contains(other))) {
                kept.add(string);
            }
        }
        return kept;
    }

    /**
     * The character checks, cheapest first (the string groups are checked by the marker pass). {@link PatternGate}
     * makes the same checks for all patterns over one text at once.
     */
    boolean mayMatch(String text) {
        AsciiSet charsPresent = AsciiSet.charsOf(text);
        return requiredCharsIn(charsPresent)
                && requiredWindows.stream()
                        .allMatch(window -> window.possibleWith(charsPresent) && window.foundIn(text))
                && hasAlphabetRun(text);
    }

    /**
     * For a pattern that keeps case, whether {@code text} has a string of each of {@link #requiredStrings} as
     * written; always true for one that folds case. The marker pass compares in lower case, so the "st" of "just"
     * counts for the "St" of a street address; this check, made only after the marker pass let the text through,
     * spares the regex most of those texts.
     */
    public boolean requiredStringsAsWrittenIn(String text) {
        if (!keepsCase) {
            return true;
        }
        for (Set<String> group : requiredStrings) {
            boolean found = false;
            for (String string : group) {
                if (text.contains(string)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text (given by its ASCII chars) has one of {@link #requiredChars}, when there are such. */
    boolean requiredCharsIn(AsciiSet charsPresent) {
        return requiredChars == null || requiredChars.intersects(charsPresent);
    }

    /** Whether the text has {@link #minLength} chars of {@link #alphabet} in a row, when that says anything. */
    boolean hasAlphabetRun(String text) {
        return alphabet == null || minLength <= 1 || hasRun(text, alphabet, minLength);
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
        return set == null ? null : set.bothCases();
    }

    /**
     * What is known about the matches of one part of a regex. {@code exact}: the complete, small set of strings it
     * matches (null if not small or not known); {@code tail}: strings one of which every match ends with (can still
     * grow with what follows); {@code required}: string groups every match contains one of.
     */
    private record Node(AsciiSet alphabet, int minLength, AsciiSet requiredChars, Set<String> exact,
                        Set<String> tail, List<Set<String>> required, CharShape shape) {

        static final Node EMPTY = new Node(AsciiSet.NONE, 0, null, Set.of(""), Set.of(""), List.of(), CharShape.EMPTY);
        static final Node ANYTHING = new Node(null, 1, null, null, null, List.of(), CharShape.oneOf(null));

        /** What the tree of a part says about its matches, built up from its parts. */
        static Node of(RegexTree.Node part) {
            if (part instanceof RegexTree.Literal literal) {
                return literal(literal.c());
            }
            if (part instanceof RegexTree.OneOf oneOf) {
                return oneOf(oneOf.ascii());
            }
            if (part instanceof RegexTree.Sequence sequence) {
                Node result = EMPTY;
                for (RegexTree.Node element : sequence.parts()) {
                    result = result.then(of(element));
                }
                return result;
            }
            if (part instanceof RegexTree.Alternation alternation) {
                List<RegexTree.Node> alternatives = alternation.alternatives();
                Node result = of(alternatives.get(0));
                for (int k = 1; k < alternatives.size(); k++) {
                    result = result.or(of(alternatives.get(k)));
                }
                return result;
            }
            if (part instanceof RegexTree.Group group) {
                return of(group.body());
            }
            if (part instanceof RegexTree.Repeat repeat) {
                return of(repeat.body()).repeated(repeat.min(), repeat.max());
            }
            return EMPTY; // an assertion or a flag group: no char
        }

        static Node oneOf(AsciiSet set) {
            return set == null ? ANYTHING : new Node(set, 1, set, null, null, List.of(), CharShape.oneOf(set));
        }

        static Node literal(char c) {
            AsciiSet set = c < 128 ? AsciiSet.of(c) : null;
            Set<String> string = Set.of(String.valueOf(c));
            return new Node(set, 1, set, string, string, List.of(), CharShape.oneOf(set));
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
            return new Node(joinedAlphabet, minLength + next.minLength, chars, exactProduct, newTail, groups,
                    shape.then(next.shape));
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
            return new Node(joinedAlphabet, Math.min(minLength, other.minLength), chars, union, union, groups,
                    shape.or(other.shape));
        }

        /** This, repeated at least {@code min} and at most {@code max} times ({@code max} < 0: no limit). */
        Node repeated(int min, int max) {
            boolean atMostOnce = max >= 0 && max <= 1;
            CharShape repeatedShape = shape.repeated(min, max);
            if (min == 0) {
                Set<String> optional = null;
                if (atMostOnce && exact != null) {
                    optional = new LinkedHashSet<>(exact);
                    optional.add("");
                }
                return new Node(alphabet, 0, null, optional, optional, List.of(), repeatedShape);
            }
            int length = (int) Math.min((long) minLength * min, Integer.MAX_VALUE / 2);
            if (min == 1 && atMostOnce) {
                return this;
            }
            List<Set<String>> groups = new ArrayList<>(required);
            addGroup(groups, tail);
            return new Node(alphabet, length, requiredChars, null, null, groups, repeatedShape);
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
            return strings.stream().mapToInt(s -> s.strip().length()).min().orElse(0);
        }
    }
}
