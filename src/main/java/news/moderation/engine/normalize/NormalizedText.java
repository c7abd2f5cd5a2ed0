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
 *
 * <p>It also lists its words as the normaliser wrote them: the maximal runs of chars other than ' ' (what the phrase
 * pass looks up), each with its bounds, its {@link String#hashCode} and its {@link #shortKey}, so a pass over the
 * words reads none of their chars.
 */
public final class NormalizedText {
    static final int START = 0;
    static final int ORIGIN = 1;
    static final int LAST_END = 2;
    static final int LAST_RUN = 3;
    static final int SEGMENT_FIELDS = 4;
    static final int WORD_FROM = 0;
    static final int WORD_TO = 1;
    static final int WORD_HASH = 2;
    static final int WORD_FIELDS = 3;
    /** The longest word that has a {@link #shortKey}. */
    private static final int SHORT_KEY_LENGTH = 7;
    /** How many segments a lookup steps over from the last one before it searches the rest */
    private static final int NEARBY_SEGMENTS = 4;

    private final String text;
    private final int[] segments;
    private final int segmentCount;
    private final boolean originalIsAscii;
    /** {@link #WORD_FIELDS} ints a word, in order */
    private final int[] words;
    private final long[] wordKeys;
    private final int wordCount;
    /** chars [knownStart, knownStartTo] are word chars of one word, which starts at knownStart (see wordStart) */
    private int knownStart = -1;
    private int knownStartTo = -1;
    /** chars [knownEndFrom, knownEnd) are word chars of one word, which ends at knownEnd (see wordEnd) */
    private int knownEndFrom = -1;
    private int knownEnd = -1;
    /** the segment of the last lookup: lookups in increasing order (a pass over the words) step on from it */
    private int lastSegment;

    NormalizedText(String text, int[] segments, int segmentCount, boolean originalIsAscii, int[] words,
                   long[] wordKeys, int wordCount) {
        this.text = text;
        this.segments = segments;
        this.segmentCount = segmentCount;
        this.originalIsAscii = originalIsAscii;
        this.words = words;
        this.wordKeys = wordKeys;
        this.wordCount = wordCount;
    }

    /**
     * A word's chars packed into a long, 8 bits a char, when it has at most {@value #SHORT_KEY_LENGTH} chars, each
     * below 256 (most words of Latin-script text); 0 otherwise. Chars are never 0, so two words have the same short
     * key only when they are equal, and the key is positive (its top byte is free): a table of words can compare
     * such a word with a key as one long, without reading its chars.
     */
    public static long shortKey(CharSequence text, int start, int end) {
        long key = 0;
        int wide = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            key = key << 8 | c;
            wide |= c;
        }
        return hasShortKey(end - start, wide) ? key : 0;
    }

    /**
     * Whether a word of {@code length} chars whose chars or'ed together give {@code wideBits} has a
     * {@link #shortKey} (for a caller that packs the chars as it reads them).
     */
    public static boolean hasShortKey(int length, int wideBits) {
        return length <= SHORT_KEY_LENGTH && wideBits < 256;
    }

    /** How many words the text has: maximal runs of chars other than ' '. */
    public int wordCount() {
        return wordCount;
    }

    /** Where word {@code word} (counted from 0) starts. */
    public int wordFrom(int word) {
        return words[WORD_FIELDS * word + WORD_FROM];
    }

    /** Where (exclusive) word {@code word} ends. */
    public int wordTo(int word) {
        return words[WORD_FIELDS * word + WORD_TO];
    }

    /** The {@link String#hashCode} of word {@code word}'s chars. */
    public int wordHash(int word) {
        return words[WORD_FIELDS * word + WORD_HASH];
    }

    /** The {@link #shortKey} of word {@code word}. */
    public long wordShortKey(int word) {
        return wordKeys[word];
    }

    /** Whether the original text was plain ASCII (then NFKC leaves it as it is). */
    public boolean originalIsAscii() {
        return originalIsAscii;
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
