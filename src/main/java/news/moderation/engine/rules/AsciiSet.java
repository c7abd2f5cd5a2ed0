package news.moderation.engine.rules;

/**
 * A set of ASCII characters as a 128-bit mask. Used two ways: the characters a pattern's match must contain one of
 * (e.g. {@code @} for an e-mail pattern, a digit for a phone pattern), and the ASCII characters present in a text;
 * when the two do not meet, the pattern cannot match and is not run.
 */
public record AsciiSet(long low, long high) {
    static final AsciiSet DIGITS = range('0', '9');
    static final AsciiSet WORD = range('a', 'z').union(range('A', 'Z')).union(DIGITS).union(of('_'));
    static final AsciiSet SPACE = of(' ').union(of('\t')).union(of('\n')).union(of('\r')).union(of('\f'));

    public static AsciiSet of(char c) {
        return c < 64 ? new AsciiSet(1L << c, 0) : new AsciiSet(0, 1L << (c - 64));
    }

    static AsciiSet range(char from, char to) {
        AsciiSet set = new AsciiSet(0, 0);
        for (char c = from; c <= to; c++) {
            set = set.union(of(c));
        }
        return set;
    }

    /** The ASCII characters occurring in {@code text}. */
    public static AsciiSet presentIn(CharSequence text) {
        long low = 0;
        long high = 0;
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c < 64) {
                low |= 1L << c;
            } else if (c < 128) {
                high |= 1L << (c - 64);
            }
        }
        return new AsciiSet(low, high);
    }

    AsciiSet union(AsciiSet other) {
        return new AsciiSet(low | other.low, high | other.high);
    }

    public boolean intersects(AsciiSet other) {
        return (low & other.low) != 0 || (high & other.high) != 0;
    }

    int size() {
        return Long.bitCount(low) + Long.bitCount(high);
    }
}
