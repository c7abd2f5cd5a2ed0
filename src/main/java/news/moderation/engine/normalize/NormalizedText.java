package news.moderation.engine.normalize;

/**
 * The normalised form of a text plus, for every normalised char, the span of the original text it came from and
 * how many times its letter was repeated there ("fuuuck": the single "u" has a run of 4).
 *
 * <p>The map is stored as segments rather than as ints per char, because most chars come from exactly one original
 * char, the one after the previous char's: a segment is a run of normalised chars where char {@code START + k}
 * comes from original char {@code ORIGIN + k} alone, except its last char, which may span more (up to
 * {@code LAST_END}: repeated letters, a gap of punctuation behind a space, absorbed invisible chars, a surrogate
 * pair) and be a repeated letter ({@code LAST_RUN}). Plain lower-case prose needs one segment per doubled letter or
 * wider gap, not one entry per char; a lookup is a binary search.
 */
public final class NormalizedText {
    static final int START = 0;
    static final int ORIGIN = 1;
    static final int LAST_END = 2;
    static final int LAST_RUN = 3;
    static final int SEGMENT_FIELDS = 4;
    /** How many segments a lookup steps over from the last one before it searches the rest */
    private static final int NEARBY_SEGMENTS = 4;

    private final String text;
    /** the original's chars (the normaliser's copy, shared, never written) */
    private final char[] original;
    private final int[] segments;
    private final int segmentCount;
    private final boolean originalIsAscii;
    /** a 128-bit mask (bit c of low for c < 64, else bit c - 64 of high) holding every symbol of the original */
    private final long symbolsLow;
    private final long symbolsHigh;
    /** chars [knownStart, knownStartTo] are word chars of one word, which starts at knownStart (see wordStart) */
    private int knownStart = -1;
    private int knownStartTo = -1;
    /** chars [knownEndFrom, knownEnd) are word chars of one word, which ends at knownEnd (see wordEnd) */
    private int knownEndFrom = -1;
    private int knownEnd = -1;
    /** the segment of the last lookup: lookups in increasing order (a pass over the words) step on from it */
    private int lastSegment;

    NormalizedText(String text, char[] original, int[] segments, int segmentCount, boolean originalIsAscii,
                   long symbolsLow, long symbolsHigh) {
        this.text = text;
        this.original = original;
        this.segments = segments;
        this.segmentCount = segmentCount;
        this.originalIsAscii = originalIsAscii;
        this.symbolsLow = symbolsLow;
        this.symbolsHigh = symbolsHigh;
    }

    /** Whether the original text was plain ASCII (then NFKC leaves it as it is). */
    public boolean originalIsAscii() {
        return originalIsAscii;
    }

    /**
     * An ASCII char other than a letter, an apostrophe or a separator (a digit, '@', '+', '$', '*' ...): the
     * normaliser notes which of them the original has ({@link #originalHasSymbolOf}) as it reads it.
     */
    public static boolean isSymbol(char c) {
        return Normalizer.isSymbol(c);
    }

    /**
     * Whether the original has a char of the 128-bit set {@code low, high} (bit c of {@code low} for c below 64,
     * else bit c - 64 of {@code high}), a set of {@link #isSymbol symbols} only: without reading the original again.
     */
    public boolean originalHasSymbolOf(long low, long high) {
        return (symbolsLow & low) != 0 || (symbolsHigh & high) != 0;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int index) {
        return text.charAt(index);
    }

    /** Whether normalised char {@code index} (an i) was typed as 1 or | ("s1ut"). */
    public boolean wasTypedAsOne(int index) {
        char typed = original[originalStart(index)];
        return typed == '1' || typed == '|';
    }

    /** @return the original offset where normalised char {@code index} starts */
    public int originalStart(int index) {
        int at = segmentOf(index);
        return segments[at + ORIGIN] + index - segments[at + START];
    }

    /** @return the original offset (exclusive) where normalised char {@code index} ends */
    public int originalEnd(int index) {
        int at = segmentOf(index);
        return isLastOfSegment(index, at) ? segments[at + LAST_END] : segments[at + ORIGIN] + index - segments[at + START] + 1;
    }

    /** @return how many equal letters of the original collapsed into normalised char {@code index} */
    public int run(int index) {
        int at = segmentOf(index);
        return isLastOfSegment(index, at) ? segments[at + LAST_RUN] : 1;
    }

    /** How many segments the offset map has (for tests of its compactness). */
    int segmentCount() {
        return segmentCount;
    }

    private boolean isLastOfSegment(int index, int at) {
        int next = at + SEGMENT_FIELDS;
        return next == SEGMENT_FIELDS * segmentCount ? index == text.length() - 1 : segments[next + START] == index + 1;
    }

    /** @return the offset in {@code segments} of the segment holding char {@code index} */
    private int segmentOf(int index) {
        if (index < 0 || index >= text.length()) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + text.length());
        }
        int low = 0;
        if (segments[SEGMENT_FIELDS * lastSegment + START] <= index) {
            low = lastSegment;
            for (int step = 0; step < NEARBY_SEGMENTS && low + 1 < segmentCount
                    && segments[SEGMENT_FIELDS * (low + 1) + START] <= index; step++) {
                low++;
            }
        }
        int high = segmentCount - 1;
        if (low + 1 < segmentCount && segments[SEGMENT_FIELDS * (low + 1) + START] > index) {
            high = low;
        }
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (segments[SEGMENT_FIELDS * middle + START] <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        lastSegment = low;
        return SEGMENT_FIELDS * low;
    }

    /** Word characters of the normalised text: letters, digits and the self-censoring mask {@code *}. */
    public static boolean isWordChar(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' : Character.isLetterOrDigit(c);
    }

    public boolean isWordStart(int index) {
        return index == 0 || !isWordChar(text.charAt(index - 1));
    }

    public boolean isWordEnd(int endExclusive) {
        return endExclusive == text.length() || !isWordChar(text.charAt(endExclusive));
    }

    /**
     * Where the word containing char {@code index} starts (the index itself when it is not a word char). The last
     * answer is remembered as a range of chars known to belong to one word, and a scan stops when it reaches that
     * range: the hits of one term pass (their ends only grow) inside one long word read its chars once, not once
     * per hit.
     */
    public int wordStart(int index) {
        if (!isWordChar(text.charAt(index))) {
            return index;
        }
        if (knownStart <= index && index <= knownStartTo) {
            return knownStart;
        }
        int start = index;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
            if (start == knownStartTo) {
                start = knownStart;
                break;
            }
        }
        knownStart = start;
        knownStartTo = index;
        return start;
    }

    /** Where (exclusive) the word containing char {@code index} ends ({@code index + 1} for a non-word char). */
    public int wordEnd(int index) {
        if (!isWordChar(text.charAt(index))) {
            return index + 1;
        }
        if (knownEndFrom <= index && index < knownEnd) {
            return knownEnd;
        }
        int end = index + 1;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            if (end == knownEndFrom) {
                end = knownEnd;
                break;
            }
            end++;
        }
        knownEndFrom = index;
        knownEnd = end;
        return end;
    }

    @Override
    public String toString() {
        return text;
    }
}
