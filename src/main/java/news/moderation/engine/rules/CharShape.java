package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What the matches of one part of a regex look like char by char, worked out on {@link RegexFootprint}'s syntax
 * tree: the sets of the first and of the last chars of every match, the whole of every match when it is a short
 * fixed sequence, and the most selective {@code windows}: runs of char sets that every match contains somewhere,
 * contiguously. For an e-mail address that is "[A-Za-z0-9._%+-] @ [A-Za-z0-9]": the '@' of "RT @user" (a space
 * before it) cannot start one.
 *
 * <p>A null set stands for any char. A part that may match a non-ASCII char (a Unicode class, a negated class,
 * {@code .}) has no fixed length in chars (a surrogate pair is two), so it ends every sequence it is in. Patterns
 * read the NFKC text, where the only non-ASCII chars re2j folds into ASCII letters ({@code (?i)}: the Kelvin sign,
 * the long s) have become those letters.
 */
record CharShape(AsciiSet[] first, AsciiSet[] last, AsciiSet[] whole, AsciiSet[][] windows, boolean mayBeEmpty) {
    /** How many windows are kept: every one is required, so a second one (the other end of a phone number) helps. */
    private static final int MAX_WINDOWS = 2;
    private static final AsciiSet[][] NO_WINDOWS = {};
    /**
     * A window after the first is kept only when its rarest set is this rare (digits, capitals, '@'): it is looked for
     * by that set, and one anchored on common letters or spaces would cost a check at most chars of the text.
     */
    private static final double MAX_ANCHOR_CHANCE = 0.06;
    /** Longest sequence kept at each end: enough to be selective, and the analysis stays linear in the regex. */
    private static final int MAX_LENGTH = 8;
    private static final AsciiSet[] NONE = {};

    /** A zero-width part: {@code \b}, {@code ^}, a flag group. */
    static final CharShape EMPTY = new CharShape(NONE, NONE, NONE, NO_WINDOWS, false);

    /** One char of {@code set} (null: any char, possibly non-ASCII, so not of a fixed length in UTF-16 chars). */
    static CharShape oneOf(AsciiSet set) {
        AsciiSet[] one = {set};
        return new CharShape(one, one, set == null ? null : one, windows(one), false);
    }

    /**
     * This, then {@code next}. A part that may match nothing ({@code x?}, {@code x*}, {@code x{0,3}}: its fields
     * describe its non-empty matches) joins nothing, but what is on either side of it is one of two things: the
     * last chars before "[._%+-]{0,63}@" are those of the part before it or its own.
     */
    CharShape then(CharShape next) {
        if (isZeroWidth()) {
            return next;
        }
        if (next.isZeroWidth()) {
            return this;
        }
        AsciiSet[] joinedWhole = whole != null && next.whole != null && whole.length + next.whole.length <= MAX_LENGTH
                ? concat(whole, next.whole) : null;
        AsciiSet[] joinedFirst;
        if (mayBeEmpty) {
            joinedFirst = alignedFirst(first, next.mayBeEmpty ? next.first : firstOfJoined(next, NONE));
        } else {
            joinedFirst = whole == null ? first : firstOf(concat(whole, next.mayBeEmpty ? NONE : next.first));
        }
        AsciiSet[] joinedLast;
        if (next.mayBeEmpty) {
            joinedLast = alignedLast(mayBeEmpty || whole == null ? last : lastOf(whole), next.last);
        } else {
            joinedLast = next.whole == null ? next.last : lastOf(concat(mayBeEmpty ? NONE : last, next.whole));
        }
        List<AsciiSet[]> joinedWindows = new ArrayList<>();
        if (!mayBeEmpty) {
            joinedWindows.addAll(Arrays.asList(windows));
        }
        if (!next.mayBeEmpty) {
            joinedWindows.addAll(Arrays.asList(next.windows));
            if (!mayBeEmpty) {
                joinedWindows.add(concat(last, next.first));
            }
        }
        return new CharShape(joinedFirst, joinedLast, joinedWhole, mostSelective(joinedWindows),
                mayBeEmpty && next.mayBeEmpty);
    }

    private boolean isZeroWidth() {
        return whole != null && whole.length == 0;
    }

    private static AsciiSet[] firstOfJoined(CharShape part, AsciiSet[] after) {
        return part.whole == null ? part.first : firstOf(concat(part.whole, after));
    }

    /** This or {@code other}: what both have in common, position by position. */
    CharShape or(CharShape other) {
        AsciiSet[] eitherWhole = whole != null && other.whole != null && whole.length == other.whole.length
                ? union(whole, other.whole) : null;
        AsciiSet[] eitherFirst = alignedFirst(first, other.first);
        AsciiSet[] eitherLast = alignedLast(last, other.last);
        AsciiSet[] mine = windows.length == 0 ? NONE : windows[0];
        AsciiSet[] theirs = other.windows.length == 0 ? NONE : other.windows[0];
        int length = Math.min(mine.length, theirs.length);
        AsciiSet[] eitherWindow = union(bestSlice(mine, length), bestSlice(theirs, length));
        return new CharShape(eitherFirst, eitherLast, eitherWhole,
                mostSelective(List.of(eitherWindow, eitherFirst, eitherLast)), mayBeEmpty || other.mayBeEmpty);
    }

    /** This, at least {@code min} and at most {@code max} times ({@code max} < 0: no limit). */
    CharShape repeated(int min, int max) {
        if (max == 0) {
            return EMPTY;
        }
        if (min == 0) {
            CharShape nonEmpty = repeated(1, max);
            return new CharShape(nonEmpty.first, nonEmpty.last, null, nonEmpty.windows, true);
        }
        AsciiSet[] repeatedWhole = null;
        AsciiSet[] repeatedFirst = first;
        AsciiSet[] repeatedLast = last;
        if (whole != null) {
            int copies = Math.min(min, MAX_LENGTH); // MAX_LENGTH copies of a non-empty part are more than kept
            AsciiSet[] minCopies = NONE;
            for (int k = 0; k < copies; k++) {
                minCopies = concat(minCopies, whole);
            }
            repeatedFirst = firstOf(minCopies);
            repeatedLast = lastOf(minCopies);
            repeatedWhole = min == max && minCopies.length <= MAX_LENGTH && copies == min ? minCopies : null;
        }
        List<AsciiSet[]> repeatedWindows = new ArrayList<>(Arrays.asList(windows));
        repeatedWindows.add(repeatedFirst);
        repeatedWindows.add(repeatedLast);
        if (min >= 2 && !mayBeEmpty) {
            repeatedWindows.add(concat(last, first));
        }
        return new CharShape(repeatedFirst, repeatedLast, repeatedWhole, mostSelective(repeatedWindows), mayBeEmpty);
    }

    /** Under {@code (?i)}: each letter stands for both its cases. */
    CharShape bothCases() {
        return new CharShape(bothCases(first), bothCases(last), whole == null ? null : bothCases(whole),
                Arrays.stream(windows).map(CharShape::bothCases).toArray(AsciiSet[][]::new), mayBeEmpty);
    }

    private static AsciiSet[] bothCases(AsciiSet[] sets) {
        AsciiSet[] folded = new AsciiSet[sets.length];
        for (int k = 0; k < sets.length; k++) {
            folded[k] = sets[k] == null ? null : sets[k].bothCases();
        }
        return folded;
    }

    /** The windows to look for, most selective first (their ends are never any-char sets). */
    List<List<AsciiSet>> requiredWindows() {
        List<List<AsciiSet>> required = new ArrayList<>();
        for (AsciiSet[] window : windows) {
            required.add(Arrays.asList(window));
        }
        return required;
    }

    /**
     * Bits of selectivity: minus log2 of the estimated chance that text of comments has a char of each set at a
     * given place. Letters, spaces and common punctuation are likely; digits, capitals and '@' much less so.
     */
    static double selectivity(AsciiSet[] sets) {
        double bits = 0;
        for (AsciiSet set : sets) {
            bits -= set == null ? 0 : Math.log(Math.min(1.0, chance(set))) / Math.log(2);
        }
        return bits;
    }

    /** The estimated chance that a char of comment text is in {@code set}. */
    static double chance(AsciiSet set) {
        // Only the set's own chars, in ascending order as a walk over all 128 would add them: the sum is the same
        // double, and the compile (on the start path) no longer tests every char of every window it compares.
        double chance = 0;
        for (long bits = set.low(); bits != 0; bits &= bits - 1) {
            chance += charChance((char) Long.numberOfTrailingZeros(bits));
        }
        for (long bits = set.high(); bits != 0; bits &= bits - 1) {
            chance += charChance((char) (64 + Long.numberOfTrailingZeros(bits)));
        }
        return chance;
    }

    private static double charChance(char c) {
        return c >= 'a' && c <= 'z' ? 0.03 : c == ' ' ? 0.17 : c >= 'A' && c <= 'Z' ? 0.002
                : c >= '0' && c <= '9' ? 0.001 : c == '.' || c == ',' || c == '\'' || c == '\n' ? 0.01 : 0.001;
    }

    private static AsciiSet[][] windows(AsciiSet[] window) {
        return mostSelective(List.<AsciiSet[]>of(window));
    }

    /**
     * The {@link #MAX_WINDOWS} most selective of {@code candidates}, most selective first, leaving out a window that
     * a kept one implies (the "[._%+-]@" inside "[._%+-]@[A-Za-z0-9]"): it would be looked for and say nothing new.
     */
    private static AsciiSet[][] mostSelective(List<AsciiSet[]> candidates) {
        List<AsciiSet[]> sorted = new ArrayList<>();
        for (AsciiSet[] candidate : candidates) {
            AsciiSet[] window = withoutAnyCharEnds(candidate);
            if (selectivity(window) > 0) {
                sorted.add(window);
            }
        }
        sorted.sort(Comparator.comparingDouble(CharShape::selectivity).reversed());
        List<AsciiSet[]> kept = new ArrayList<>();
        for (AsciiSet[] window : sorted) {
            if (kept.size() < MAX_WINDOWS && (kept.isEmpty() || rarestChance(window) <= MAX_ANCHOR_CHANCE)
                    && kept.stream().noneMatch(other -> implies(other, window))) {
                kept.add(window);
            }
        }
        return kept.toArray(AsciiSet[][]::new);
    }

    private static double rarestChance(AsciiSet[] window) {
        double rarest = 1;
        for (AsciiSet set : window) {
            rarest = set == null ? rarest : Math.min(rarest, chance(set));
        }
        return rarest;
    }

    private static AsciiSet[] withoutAnyCharEnds(AsciiSet[] window) {
        int from = 0;
        int to = window.length;
        while (from < to && window[from] == null) {
            from++;
        }
        while (to > from && window[to - 1] == null) {
            to--;
        }
        return from == 0 && to == window.length ? window : Arrays.copyOfRange(window, from, to);
    }

    /** Whether every text holding {@code window} also holds {@code other}: it sits inside, set within set. */
    private static boolean implies(AsciiSet[] window, AsciiSet[] other) {
        for (int offset = 0; offset + other.length <= window.length; offset++) {
            boolean inside = true;
            for (int k = 0; k < other.length && inside; k++) {
                AsciiSet outer = other[k];
                AsciiSet inner = window[offset + k];
                inside = outer == null || inner != null && outer.containsAll(inner);
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** The most selective run of {@code length} consecutive sets of {@code sets}. */
    private static AsciiSet[] bestSlice(AsciiSet[] sets, int length) {
        AsciiSet[] bestSlice = NONE;
        for (int from = 0; from + length <= sets.length; from++) {
            AsciiSet[] slice = Arrays.copyOfRange(sets, from, from + length);
            if (bestSlice.length == 0 || selectivity(slice) > selectivity(bestSlice)) {
                bestSlice = slice;
            }
        }
        return bestSlice;
    }

    /** Position by position, the sets of two starts, as long as both go. */
    private static AsciiSet[] alignedFirst(AsciiSet[] a, AsciiSet[] b) {
        int length = Math.min(a.length, b.length);
        return union(firstOf(a, length), firstOf(b, length));
    }

    /** Position by position from the end, the sets of two ends, as long as both go. */
    private static AsciiSet[] alignedLast(AsciiSet[] a, AsciiSet[] b) {
        int length = Math.min(a.length, b.length);
        return union(lastOf(a, length), lastOf(b, length));
    }

    private static AsciiSet[] union(AsciiSet[] a, AsciiSet[] b) {
        AsciiSet[] union = new AsciiSet[a.length];
        for (int k = 0; k < a.length; k++) {
            union[k] = a[k] == null || b[k] == null ? null : a[k].union(b[k]);
        }
        return union;
    }

    private static AsciiSet[] concat(AsciiSet[] a, AsciiSet[] b) {
        AsciiSet[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static AsciiSet[] firstOf(AsciiSet[] sets) {
        return firstOf(sets, MAX_LENGTH);
    }

    private static AsciiSet[] firstOf(AsciiSet[] sets, int length) {
        return sets.length <= length ? sets : Arrays.copyOf(sets, length);
    }

    private static AsciiSet[] lastOf(AsciiSet[] sets) {
        return lastOf(sets, MAX_LENGTH);
    }

    private static AsciiSet[] lastOf(AsciiSet[] sets, int length) {
        return sets.length <= length ? sets : Arrays.copyOfRange(sets, sets.length - length, sets.length);
    }
}
