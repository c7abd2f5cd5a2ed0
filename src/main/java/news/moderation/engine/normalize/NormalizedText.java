package news.moderation.engine.normalize;

/**
 * The normalised form of a text plus, for every normalised char, the span of the original text it came from and
 * how many times its letter was repeated there ("fuuuck": the single "u" has a run of 4).
 */
public final class NormalizedText {
    private final String text;
    private final int[] originalStart;
    private final int[] originalEnd;
    private final int[] run;
    private final boolean originalIsAscii;
    /** For each char, where the run of word chars around it starts and ends; computed on first use. */
    private int[] wordStarts;
    private int[] wordEnds;

    NormalizedText(String text, int[] originalStart, int[] originalEnd, int[] run, boolean originalIsAscii) {
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.run = run;
        this.originalIsAscii = originalIsAscii;
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
        return originalStart[index];
    }

    /** @return the original offset (exclusive) where normalised char {@code index} ends */
    public int originalEnd(int index) {
        return originalEnd[index];
    }

    /** @return how many equal letters of the original collapsed into normalised char {@code index} */
    public int run(int index) {
        return run[index];
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
     * Where the word containing char {@code index} starts (the index itself when it is not a word char). Computed
     * once for the whole text, so widening many hits inside one long word stays linear.
     */
    public int wordStart(int index) {
        computeWordExtents();
        return wordStarts[index];
    }

    /** Where (exclusive) the word containing char {@code index} ends ({@code index + 1} for a non-word char). */
    public int wordEnd(int index) {
        computeWordExtents();
        return wordEnds[index];
    }

    private void computeWordExtents() {
        if (wordStarts != null) {
            return;
        }
        int length = text.length();
        int[] starts = new int[length];
        int[] ends = new int[length];
        for (int i = 0; i < length; i++) {
            starts[i] = i > 0 && isWordChar(text.charAt(i)) && isWordChar(text.charAt(i - 1)) ? starts[i - 1] : i;
        }
        for (int i = length - 1; i >= 0; i--) {
            ends[i] = i + 1 < length && isWordChar(text.charAt(i)) && isWordChar(text.charAt(i + 1))
                    ? ends[i + 1] : i + 1;
        }
        wordStarts = starts;
        wordEnds = ends;
    }

    @Override
    public String toString() {
        return text;
    }
}
