package news.moderation.engine.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where in a text the matches of a pattern can lie, proved from its syntax tree ({@link RegexTree}), so that re2j
 * (an NFA over every char it is given) searches a few short regions of a long comment instead of all of it.
 *
 * <p>Every match holds one char of the {@code anchor} set (the rarest single char the tree requires: the last digit
 * of a phone number), and around that char the match reaches at most as far as {@code before} and {@code after}
 * allow: a {@link Reach} counts the chars a part can match outside the sets it may repeat without limit ({@code \s+}
 * in "his number is  555..." costs nothing, however many spaces there are) and stops at a char no part there can
 * match. So each anchor char of a text gives a region that holds every match through it; overlapping or touching
 * regions are merged, and re2j searches each. The matches are exactly those of a search over the whole text:
 * <ul>
 *   <li>every match lies inside one merged region, so each leftmost-first choice among the matches that start at a
 *       position sees them all, and the search goes on from a match's end as over the whole text;</li>
 *   <li>re2j sees nothing beyond a region: a region edge is moved until the char beyond it is no word char
 *       ({@code \b} then reads the same at the edge as at the text's end) and no surrogate pair is cut; a pattern with
 *       {@code ^ $ \A \z}, which would hold at a region's edges, has no regions (the whole text is searched).</li>
 * </ul>
 * Under {@code (?i)} re2j also folds the Kelvin sign and the long s into 'k' and 's'; the walks fold them too
 * (patterns read the NFKC text, where neither is left, but a region must not depend on that). When the walks of a
 * text would cost more than a few passes over it, the whole text is searched.
 */
final class SearchRegions {
    /** A budget that no walk uses up. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The walks of one text may read this many chars per char of the text before the whole text is searched. */
    private static final int MAX_STEPS_PER_CHAR = 4;
    /** Region span assumed in choosing an anchor when a side is unbounded: most of a comment. */
    private static final int UNBOUNDED_SPAN = 1000;
    /** Chars right before or after an anchor char that are checked: enough to tell a phone number from a year. */
    private static final int MAX_ADJACENT_SETS = 8;
    private static final AsciiSet[] NO_SETS = {};

    /** Chars known by their ASCII members, and all chars outside ASCII or none. */
    record Chars(AsciiSet ascii, boolean nonAscii) {
        static final Chars NONE = new Chars(AsciiSet.NONE, false);

        boolean contains(char c) {
            return c < 128 ? ascii.contains(c) : nonAscii;
        }

        Chars union(Chars other) {
            return new Chars(ascii.union(other.ascii), nonAscii || other.nonAscii);
        }

        Chars bothCases() {
            return new Chars(ascii.bothCases(), nonAscii);
        }
    }

    /**
     * How far the part of a match on one side of its anchor char can reach: at most {@code budget} chars (UTF-16;
     * {@link #UNBOUNDED}: any number) outside {@code free}, all of them in {@code alphabet} (null: any char).
     */
    record Reach(int budget, Chars free, Chars alphabet) {
        static final Reach NOTHING = new Reach(0, Chars.NONE, Chars.NONE);

        Reach then(Reach next) {
            return new Reach(saturated((long) budget + next.budget), free.union(next.free),
                    alphabet == null || next.alphabet == null ? null : alphabet.union(next.alphabet));
        }

        Reach or(Reach other) {
            return new Reach(Math.max(budget, other.budget), free.union(other.free),
                    alphabet == null || other.alphabet == null ? null : alphabet.union(other.alphabet));
        }

        Reach bothCases() {
            return new Reach(budget, free.bothCases(), alphabet == null ? null : alphabet.bothCases());
        }

        /** A guess of how many chars the walk takes, for choosing among anchors. */
        int span() {
            int span = budget == UNBOUNDED ? UNBOUNDED_SPAN : budget;
            return free.equals(Chars.NONE) ? span : saturated((long) span + 8);
        }
    }

    /**
     * One char of {@code chars} is in every match, with at most {@code before} and {@code after} around it; right
     * before it come chars of {@code justBefore} (in order) and right after it chars of {@code justAfter}, so an
     * anchor char without them (a lone digit in prose, for a phone number that ends in a run of digits) holds no
     * match and gets no region.
     */
    record Anchor(AsciiSet chars, Reach before, Reach after, AsciiSet[] justBefore, AsciiSet[] justAfter) {
        static Anchor of(AsciiSet chars) {
            return new Anchor(chars, Reach.NOTHING, Reach.NOTHING, NO_SETS, NO_SETS);
        }

        /** Expected chars of regions per char of text: how often an anchor char comes, times its region. */
        double cost() {
            double chance = CharShape.chance(chars);
            for (AsciiSet set : justBefore) {
                chance *= Math.min(1.0, CharShape.chance(set));
            }
            for (AsciiSet set : justAfter) {
                chance *= Math.min(1.0, CharShape.chance(set));
            }
            return chance * (1.0 + before.span() + after.span());
        }

        /** This or {@code other}: either anchor char, reaching as far as either. */
        Anchor or(Anchor other) {
            return new Anchor(chars.union(other.chars), before.or(other.before), after.or(other.after), NO_SETS,
                    NO_SETS);
        }

        Anchor within(Reach preceding, Reach following) {
            return new Anchor(chars, preceding.then(before), after.then(following), justBefore, justAfter);
        }

        Anchor between(AsciiSet[] setsBefore, AsciiSet[] setsAfter) {
            return new Anchor(chars, before, after, setsBefore, setsAfter);
        }

        Anchor bothCases() {
            return new Anchor(chars.bothCases(), before.bothCases(), after.bothCases(), bothCases(justBefore),
                    bothCases(justAfter));
        }

        private static AsciiSet[] bothCases(AsciiSet[] sets) {
            return Arrays.stream(sets).map(AsciiSet::bothCases).toArray(AsciiSet[]::new);
        }

        @Override
        public String toString() {
            return "Anchor" + Arrays.toString(justBefore) + chars + Arrays.toString(justAfter) + " before " + before
                    + " after " + after;
        }
    }

    private final Anchor anchor;
    private final boolean readsWordBoundaries;
    private final boolean foldsCase;
    /** {@code anchor.chars()} as a table: the scan for anchor chars reads every char of the text. */
    private final boolean[] isAnchor = new boolean[128];

    private SearchRegions(Anchor anchor, boolean readsWordBoundaries, boolean foldsCase) {
        this.anchor = anchor;
        this.readsWordBoundaries = readsWordBoundaries;
        this.foldsCase = foldsCase;
        for (char c = 0; c < 128; c++) {
            isAnchor[c] = anchor.chars().contains(c);
        }
    }

    /** @return the regions of the pattern of {@code tree}, or null when it must search whole texts */
    static SearchRegions of(RegexTree tree) {
        if (hasLineOrTextAssertion(tree.root())) {
            return null;
        }
        Anchor anchor = anchorOf(tree.root(), true);
        if (anchor == null) {
            return null;
        }
        if (tree.ignoresCase()) {
            anchor = anchor.bothCases();
        }
        return new SearchRegions(anchor, hasWordBoundary(tree.root()), tree.ignoresCase());
    }

    Anchor anchor() {
        return anchor;
    }

    /** Every non-empty, non-overlapping match of {@code pattern} (this tree's) in {@code text}, leftmost first. */
    void findAll(Pattern pattern, String text, PatternRule.MatchConsumer matches) {
        int[] regions = regionsOf(text);
        if (regions == null) {
            search(pattern, text, 0, text.length(), matches);
            return;
        }
        for (int k = 0; k + 1 < regions.length && regions[k] >= 0; k += 2) {
            search(pattern, text, regions[k], regions[k + 1], matches);
        }
    }

    /** Every non-empty, non-overlapping match re2j finds in {@code text} from {@code start} to {@code end}. */
    static void search(Pattern pattern, String text, int start, int end, PatternRule.MatchConsumer matches) {
        Matcher matcher = pattern.matcher(start == 0 && end == text.length() ? text : text.substring(start, end));
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.accept(start + matcher.start(), start + matcher.end());
            }
        }
    }

    /**
     * The merged regions of {@code text}: start and end (exclusive) of each in order, then -1s; null when the walks
     * would cost more than {@link #MAX_STEPS_PER_CHAR} passes over the text (then it is searched whole).
     */
    int[] regionsOf(String text) {
        int length = text.length();
        int[] regions = new int[8];
        int count = 0;
        int regionEnd = -1;
        long stepsLeft = (long) MAX_STEPS_PER_CHAR * length + 64;
        for (int i = 0; i < length; i++) {
            if (!isAnchorChar(text.charAt(i)) || !fitsAround(text, i)) {
                continue;
            }
            int end = walkForward(text, i + 1);
            stepsLeft -= end - i;
            if (i >= regionEnd) {
                int start = walkBack(text, i);
                stepsLeft -= i - start;
                if (start > regionEnd) {
                    if (count + 2 > regions.length) {
                        regions = Arrays.copyOf(regions, regions.length * 2);
                    }
                    regions[count] = start;
                    count += 2;
                }
            }
            regionEnd = Math.max(regionEnd, end);
            regions[count - 1] = regionEnd;
            if (stepsLeft < 0) {
                return null;
            }
        }
        Arrays.fill(regions, count, regions.length, -1);
        return regions;
    }

    private boolean isAnchorChar(char c) {
        char folded = fold(c);
        return folded < 128 && isAnchor[folded];
    }

    /** Whether the chars next to the anchor char at {@code index} are those every match has there. */
    private boolean fitsAround(String text, int index) {
        AsciiSet[] before = anchor.justBefore();
        AsciiSet[] after = anchor.justAfter();
        if (index < before.length || index + after.length >= text.length()) {
            return false;
        }
        for (int k = 0; k < before.length; k++) {
            if (!before[k].contains(fold(text.charAt(index - before.length + k)))) {
                return false;
            }
        }
        for (int k = 0; k < after.length; k++) {
            if (!after[k].contains(fold(text.charAt(index + 1 + k)))) {
                return false;
            }
        }
        return true;
    }

    /** The first index of the region of the anchor char at {@code anchorIndex}. */
    private int walkBack(String text, int anchorIndex) {
        Reach reach = anchor.before();
        int budget = reach.budget();
        int start = anchorIndex;
        while (start > 0) {
            char c = fold(text.charAt(start - 1));
            if (reach.alphabet() != null && !reach.alphabet().contains(c)) {
                break;
            }
            if (!reach.free().contains(c) && budget != UNBOUNDED && budget-- == 0) {
                break;
            }
            start--;
        }
        while (start > 0 && (readsWordBoundaries && isWordChar(text.charAt(start - 1)) || splitsPair(text, start))) {
            start--;
        }
        return start;
    }

    /** The end (exclusive) of the region of the anchor char just before {@code from}. */
    private int walkForward(String text, int from) {
        Reach reach = anchor.after();
        int budget = reach.budget();
        int end = from;
        int length = text.length();
        while (end < length) {
            char c = fold(text.charAt(end));
            if (reach.alphabet() != null && !reach.alphabet().contains(c)) {
                break;
            }
            if (!reach.free().contains(c) && budget != UNBOUNDED && budget-- == 0) {
                break;
            }
            end++;
        }
        while (end < length && (readsWordBoundaries && isWordChar(text.charAt(end)) || splitsPair(text, end))) {
            end++;
        }
        return end;
    }

    /** Under {@code (?i)}, the non-ASCII chars re2j folds into an ASCII letter, as that letter. */
    private char fold(char c) {
        if (c < 128 || !foldsCase) {
            return c;
        }
        return c == '\u212A' ? 'k' : c == '\u017F' ? 's' : c;
    }

    /** re2j's word chars for {@code \b}: ASCII only. */
    private static boolean isWordChar(char c) {
        return c < 128 && AsciiSet.WORD.contains(c);
    }

    private static boolean splitsPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index));
    }

    /**
     * The anchor of a part: a single ASCII char every match of it holds, with how far the match reaches around it;
     * null when there is none (a part that may match nothing, or only chars of unknown sets).
     */
    private static Anchor anchorOf(RegexTree.Node part, boolean checksAdjacent) {
        if (part instanceof RegexTree.Literal literal) {
            return literal.c() < 128 ? Anchor.of(AsciiSet.of(literal.c())) : null;
        }
        if (part instanceof RegexTree.OneOf oneOf) {
            return oneOf.ascii() == null ? null : Anchor.of(oneOf.ascii());
        }
        if (part instanceof RegexTree.Group group) {
            return anchorOf(group.body(), checksAdjacent);
        }
        if (part instanceof RegexTree.Sequence sequence) {
            return anchorOfSequence(sequence, checksAdjacent);
        }
        if (part instanceof RegexTree.Alternation alternation) {
            Anchor either = null;
            for (RegexTree.Node alternative : alternation.alternatives()) {
                Anchor anchor = anchorOf(alternative, false); // joined anchors keep no adjacent sets
                if (anchor == null) {
                    return null;
                }
                either = either == null ? anchor : either.or(anchor);
            }
            return either;
        }
        if (part instanceof RegexTree.Repeat repeat && repeat.min() >= 1) {
            Anchor once = anchorOf(repeat.body(), checksAdjacent);
            if (once == null) {
                return null;
            }
            Reach otherCopies = reachOf(new RegexTree.Repeat(repeat.body(), 0,
                    repeat.max() < 0 ? -1 : repeat.max() - 1, repeat.counted()));
            return once.within(otherCopies, otherCopies);
        }
        return null; // a part that may match nothing, an assertion, a flag group
    }

    /**
     * The cheapest anchor of the parts, with the parts before and after it; with the sets of the chars right next to
     * it when {@code checksAdjacent} (an alternative's anchor is joined with the others' and keeps none).
     */
    private static Anchor anchorOfSequence(RegexTree.Sequence sequence, boolean checksAdjacent) {
        List<RegexTree.Node> parts = sequence.parts();
        Reach[] following = new Reach[parts.size() + 1]; // following[k]: the parts from k on
        following[parts.size()] = Reach.NOTHING;
        for (int k = parts.size() - 1; k >= 0; k--) {
            following[k] = reachOf(parts.get(k)).then(following[k + 1]);
        }
        Anchor best = null;
        Reach preceding = Reach.NOTHING;
        for (int k = 0; k < parts.size(); k++) {
            Anchor anchor = anchorOf(parts.get(k), checksAdjacent);
            if (anchor != null) {
                Anchor placed = anchor.within(preceding, following[k + 1]);
                if (checksAdjacent && singleAsciiChar(parts.get(k)) != null) {
                    placed = placed.between(adjacentSets(parts, k, -1), adjacentSets(parts, k, 1));
                }
                if (best == null || placed.cost() < best.cost()) {
                    best = placed;
                }
            }
            preceding = preceding.then(reachOf(parts.get(k)));
        }
        return best;
    }

    /**
     * The sets of the chars every match has right next to the single char of {@code parts[k]}, going in
     * {@code direction} (-1: before it, in text order; 1: after it): single chars and the first copies of a repeated
     * single char, up to the first part whose length varies.
     */
    private static AsciiSet[] adjacentSets(List<RegexTree.Node> parts, int k, int direction) {
        List<AsciiSet> sets = new ArrayList<>();
        for (int m = k + direction; m >= 0 && m < parts.size() && sets.size() < MAX_ADJACENT_SETS; m += direction) {
            RegexTree.Node part = parts.get(m);
            if (part instanceof RegexTree.Assertion || part instanceof RegexTree.Flags) {
                continue; // no char
            }
            AsciiSet one = singleAsciiChar(part);
            if (one != null) {
                sets.add(one);
                continue;
            }
            AsciiSet repeated = part instanceof RegexTree.Repeat repeat ? singleAsciiChar(repeat.body()) : null;
            if (repeated == null) {
                break;
            }
            RegexTree.Repeat repeat = (RegexTree.Repeat) part;
            for (int copy = 0; copy < repeat.min() && sets.size() < MAX_ADJACENT_SETS; copy++) {
                sets.add(repeated);
            }
            if (repeat.min() != repeat.max()) {
                break;
            }
        }
        if (direction < 0) {
            Collections.reverse(sets);
        }
        return sets.toArray(AsciiSet[]::new);
    }

    /** How far the matches of a part reach: its chars outside the sets it repeats without limit, its alphabet. */
    static Reach reachOf(RegexTree.Node part) {
        Chars oneChar = singleChar(part);
        if (oneChar != null) {
            return new Reach(oneChar.nonAscii() ? 2 : 1, Chars.NONE, oneChar); // 2: a surrogate pair
        }
        if (part instanceof RegexTree.OneOf) {
            return new Reach(2, Chars.NONE, null); // any char
        }
        if (part instanceof RegexTree.Group group) {
            return reachOf(group.body());
        }
        if (part instanceof RegexTree.Sequence sequence) {
            Reach all = Reach.NOTHING;
            for (RegexTree.Node element : sequence.parts()) {
                all = all.then(reachOf(element));
            }
            return all;
        }
        if (part instanceof RegexTree.Alternation alternation) {
            Reach either = null;
            for (RegexTree.Node alternative : alternation.alternatives()) {
                Reach reach = reachOf(alternative);
                either = either == null ? reach : either.or(reach);
            }
            return either;
        }
        if (part instanceof RegexTree.Repeat repeat) {
            Reach once = reachOf(repeat.body());
            if (repeat.max() >= 0) {
                return new Reach(saturated((long) once.budget() * repeat.max()), once.free(), once.alphabet());
            }
            Chars repeatedChar = singleChar(repeat.body());
            if (once.budget() == 0) {
                return once;
            }
            return repeatedChar != null ? new Reach(0, repeatedChar, repeatedChar)
                    : new Reach(UNBOUNDED, once.free(), once.alphabet());
        }
        return Reach.NOTHING; // an assertion or a flag group
    }

    /**
     * The chars of a part that is one char of a known set (its ASCII members, with or without the non-ASCII chars),
     * else null. A non-ASCII char is known by the ASCII letter {@code (?i)} may fold it into.
     */
    private static Chars singleChar(RegexTree.Node part) {
        if (part instanceof RegexTree.Group group) {
            return singleChar(group.body());
        }
        if (part instanceof RegexTree.Literal literal) {
            char c = literal.c();
            return c < 128 ? new Chars(AsciiSet.of(c), false) : new Chars(RegexTree.foldedIntoAscii(c, c), true);
        }
        if (part instanceof RegexTree.OneOf oneOf && oneOf.asciiMembers() != null) {
            return new Chars(oneOf.asciiMembers(), oneOf.ascii() == null);
        }
        return null;
    }

    /** The set of a part that is one ASCII char of a known set, else null. */
    private static AsciiSet singleAsciiChar(RegexTree.Node part) {
        if (part instanceof RegexTree.Group group) {
            return singleAsciiChar(group.body());
        }
        if (part instanceof RegexTree.Literal literal) {
            return literal.c() < 128 ? AsciiSet.of(literal.c()) : null;
        }
        return part instanceof RegexTree.OneOf oneOf ? oneOf.ascii() : null;
    }

    private static boolean hasLineOrTextAssertion(RegexTree.Node part) {
        return anyAssertion(part, false);
    }

    private static boolean hasWordBoundary(RegexTree.Node part) {
        return anyAssertion(part, true);
    }

    /** Whether the part holds an assertion that is ({@code wordBoundary}) or is not a word boundary. */
    private static boolean anyAssertion(RegexTree.Node part, boolean wordBoundary) {
        if (part instanceof RegexTree.Assertion assertion) {
            return assertion.isWordBoundary() == wordBoundary;
        }
        if (part instanceof RegexTree.Group group) {
            return anyAssertion(group.body(), wordBoundary);
        }
        if (part instanceof RegexTree.Repeat repeat) {
            return anyAssertion(repeat.body(), wordBoundary);
        }
        if (part instanceof RegexTree.Sequence sequence) {
            return sequence.parts().stream().anyMatch(element -> anyAssertion(element, wordBoundary));
        }
        if (part instanceof RegexTree.Alternation alternation) {
            return alternation.alternatives().stream().anyMatch(element -> anyAssertion(element, wordBoundary));
        }
        return false;
    }

    private static int saturated(long budget) {
        return (int) Math.min(budget, UNBOUNDED);
    }
}
