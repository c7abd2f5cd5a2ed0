package news.moderation.engine.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A compiled pattern rule with what every match of it must contain ({@link RegexFootprint}): the marker groups in
 * {@code requiredMarkers} (strings looked for by the term pass) and the characters its footprint needs. The regex
 * only runs when the text has them, so most comments cost no regex at all: no group word and no dehumanising word,
 * no "{group} are {dehumanising}"; no '@', no e-mail address.
 *
 * <p>{@code maxNonWordChars} ({@link MatchExtent}) bounds how far a match reaches; when it is bounded the regex runs
 * only on windows around the places where the term pass found a required string (see
 * {@link #findAll(String, int[], int, MatchConsumer)}), with exactly the results of a scan of the whole text.
 * Instead of a marker group, the chars of {@code footprint.requiredChars()} (every match has one, e.g. '@') serve
 * as the hits when they are rarer in the text. {@code coverGroup} (or -1) is the marker group of the strings an unbounded repetition such as
 * {@code (?:{filler} )*} matches; the non-word chars inside their occurrences do not count against the bound.
 */
public record PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredMarkers,
                          RegexFootprint footprint, int maxNonWordChars, int coverGroup) {

    /** Receives a match as offsets into the searched text, end exclusive. */
    public interface MatchConsumer {
        void accept(int start, int end);
    }

    /** Windowing may cost this many steps per char of the text (plus the base) before a whole-text scan replaces it. */
    private static final long WINDOWING_WORK_PER_CHAR = 16;
    private static final long WINDOWING_WORK_BASE = 1 << 16;

    public PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredMarkers,
                       RegexFootprint footprint) {
        this(rule, pattern, onOriginal, languages, requiredMarkers, footprint,
                onOriginal ? MatchExtent.UNBOUNDED : MatchExtent.maxNonWordChars(pattern.pattern()), -1);
    }

    public boolean mayMatch(BitSet markersSeen, String text) {
        for (int marker : requiredMarkers) {
            if (!markersSeen.get(marker)) {
                return false;
            }
        }
        return footprint.mayMatch(text);
    }

    /** Whether {@link #findAll(String, int[], int, MatchConsumer)} can restrict the regex to windows. */
    public boolean windowed() {
        return maxNonWordChars >= 0 && requiredMarkers.length > 0 && footprint.minLength() > 0;
    }

    /** Every non-empty, non-overlapping match, leftmost first. */
    public void findAll(String text, MatchConsumer matches) {
        findAll(text, 0, matches);
    }

    private void findAll(String text, int offset, MatchConsumer matches) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.accept(offset + matcher.start(), offset + matcher.end());
            }
        }
    }

    /**
     * The same matches as {@link #findAll(String, MatchConsumer)}, found by running the regex only on windows of
     * {@code text} around the hits of one of the required marker groups.
     *
     * <p>Why the results are identical: every match of the regex contains a hit of each required group (that is what
     * gating relies on too) and at most {@code maxNonWordChars} (N) chars that are not re2j word chars, apart from
     * those inside occurrences of the {@code coverGroup} strings (one iteration of an unbounded repetition each;
     * a non-word char of the text inside such an occurrence is "covered"). So a match containing the hit
     * {@code [hs, he)} starts after the (N+1)-th uncovered non-word char left of {@code hs} and ends before the
     * (N+1)-th uncovered non-word char right of {@code he}: that is the hit's window. Every match of the whole text lies in
     * one window; merged windows are disjoint. A window's edges sit next to a non-word char (or at the text's
     * ends) and never split a surrogate pair, so {@code \b}/{@code \B} see the same thing in the window as in the
     * whole text; regexes with {@code ^ $ \A \z} are never windowed. Hence the matches of a window are exactly the
     * matches of the whole text inside it, the leftmost-first choice among the matches starting at a position is the
     * same (all of them lie in the window), and the scan through the windows in order yields the same sequence as the
     * scan of the whole text.
     *
     * @param markerHits triples (group, start, end) in offsets of {@code text}, as found by the term pass
     */
    public void findAll(String text, int[] markerHits, int markerHitCount, MatchConsumer matches) {
        if (!windowed()) {
            findAll(text, matches);
            return;
        }
        int group = rarestGroup(markerHits, markerHitCount);
        boolean[] covered = null;
        if (coverGroup >= 0) {
            for (int k = 0; k < markerHitCount; k++) {
                if (markerHits[3 * k] == coverGroup) {
                    if (covered == null) {
                        covered = new boolean[text.length()];
                    }
                    Arrays.fill(covered, markerHits[3 * k + 1], markerHits[3 * k + 2], true);
                }
            }
        }
        int groupHits = 0;
        for (int k = 0; k < markerHitCount; k++) {
            groupHits += markerHits[3 * k] == group ? 1 : 0;
        }
        AsciiSet requiredChars = footprint.requiredChars();
        int charHits = requiredChars == null ? Integer.MAX_VALUE : countChars(text, requiredChars, groupHits);
        // Placing windows walks the text around every hit; many hits in one long word or a long covered stretch
        // would walk the same chars again and again. Past this much work one scan of the whole text (the same
        // results, see above) is cheaper, and judging stays linear in the text's length.
        long workLeft = WINDOWING_WORK_PER_CHAR * (long) text.length() + WINDOWING_WORK_BASE;
        long[] windows;
        int count = 0;
        if (charHits < groupHits) {
            // every match contains one of these chars too (the '@' of a mention), and they are rarer here
            windows = new long[charHits];
            for (int i = 0, length = text.length(); i < length; i++) {
                if (requiredChars.contains(text.charAt(i))) {
                    int from = windowStart(text, covered, i, maxNonWordChars);
                    int to = windowEnd(text, covered, i + 1, maxNonWordChars);
                    if (holdsTheOthers(text, markerHits, markerHitCount, -1, from, to)) {
                        windows[count++] = ((long) from << 32) | to;
                    }
                    workLeft -= windowingWork(from, to, markerHitCount);
                    if (workLeft < 0) {
                        findAll(text, matches);
                        return;
                    }
                }
            }
        } else {
            windows = new long[groupHits];
            for (int k = 0; k < markerHitCount; k++) {
                if (markerHits[3 * k] == group) {
                    int from = windowStart(text, covered, markerHits[3 * k + 1], maxNonWordChars);
                    int to = windowEnd(text, covered, markerHits[3 * k + 2], maxNonWordChars);
                    if (holdsTheOthers(text, markerHits, markerHitCount, group, from, to)) {
                        windows[count++] = ((long) from << 32) | to;
                    }
                    workLeft -= windowingWork(from, to, markerHitCount);
                    if (workLeft < 0) {
                        findAll(text, matches);
                        return;
                    }
                }
            }
        }
        if (count == 0) {
            return; // no window holds everything a match needs
        }
        Arrays.sort(windows, 0, count);
        int length = text.length();
        int from = (int) (windows[0] >>> 32);
        int to = (int) windows[0];
        for (int k = 1; k <= count; k++) {
            int nextFrom = k < count ? (int) (windows[k] >>> 32) : Integer.MAX_VALUE;
            if (nextFrom <= to) {
                to = Math.max(to, (int) windows[k]);
                continue;
            }
            if (from == 0 && to == length) {
                findAll(text, matches);
            } else {
                findAll(text.substring(from, to), from, matches);
            }
            if (k < count) {
                from = nextFrom;
                to = (int) windows[k];
            }
        }
    }

    /** Chars walked to place one window and check it: about its length plus a look at every marker hit per group. */
    private long windowingWork(int from, int to, int markerHitCount) {
        return 2L * (to - from) + (long) markerHitCount * requiredMarkers.length;
    }

    /**
     * Whether {@code text[from, to)} holds a whole hit of every required group but {@code except}, and a required
     * char. A match lies inside its window and has all of them, so a window without one of them has no match.
     */
    private boolean holdsTheOthers(String text, int[] markerHits, int markerHitCount, int except, int from, int to) {
        for (int group : requiredMarkers) {
            if (group == except) {
                continue;
            }
            boolean found = false;
            for (int k = 0; k < markerHitCount && !found; k++) {
                found = markerHits[3 * k] == group && markerHits[3 * k + 1] >= from && markerHits[3 * k + 2] <= to;
            }
            if (!found) {
                return false;
            }
        }
        AsciiSet requiredChars = footprint.requiredChars();
        if (except >= 0 && requiredChars != null) {
            for (int i = from; i < to; i++) {
                if (requiredChars.contains(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** How many chars of {@code text} are in {@code set}, counting no further than {@code limit}. */
    private static int countChars(String text, AsciiSet set, int limit) {
        int count = 0;
        for (int i = 0, length = text.length(); i < length && count < limit; i++) {
            if (set.contains(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private int rarestGroup(int[] markerHits, int markerHitCount) {
        int best = requiredMarkers[0];
        if (requiredMarkers.length == 1) {
            return best;
        }
        int bestCount = Integer.MAX_VALUE;
        for (int group : requiredMarkers) {
            int hits = 0;
            for (int k = 0; k < markerHitCount; k++) {
                if (markerHits[3 * k] == group) {
                    hits++;
                }
            }
            if (hits < bestCount) {
                best = group;
                bestCount = hits;
            }
        }
        return best;
    }

    /**
     * The smallest start such that text[start, hitStart) holds at most {@code budget} uncovered non-word chars,
     * snapped: text[start - 1] is a non-word char that is not the first half of a surrogate pair.
     */
    static int windowStart(String text, boolean[] covered, int hitStart, int budget) {
        int i = hitStart;
        int nonWord = 0;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (!MatchExtent.isWordChar(c) && (covered == null || !covered[i - 1])) {
                if (nonWord >= budget && !Character.isHighSurrogate(c)) {
                    break; // text[i - 1] is the (budget+1)-th non-word char: a match cannot include it
                }
                nonWord++;
            }
            i--;
        }
        return i;
    }

    /**
     * The largest end such that text[hitEnd, end) holds at most {@code budget} uncovered non-word chars, snapped:
     * text[end] is a non-word char that is not the second half of a surrogate pair.
     */
    static int windowEnd(String text, boolean[] covered, int hitEnd, int budget) {
        int i = hitEnd;
        int nonWord = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (!MatchExtent.isWordChar(c) && (covered == null || !covered[i])) {
                if (nonWord >= budget && !Character.isLowSurrogate(c)) {
                    break;
                }
                nonWord++;
            }
            i++;
        }
        return i;
    }
}
