package news.moderation.engine.rules;

/** A set of ASCII characters as a 128-bit mask, for {@link RegexFootprint}. */
public record AsciiSet(long low, long high) {
    static final AsciiSet NONE = new AsciiSet(0, 0);
    static final AsciiSet LETTERS = range('a', 'z').union(range('A', 'Z'));
    static final AsciiSet DIGITS = range('0', '9');
    static final AsciiSet WORD = LETTERS.union(DIGITS).union(of('_'));
    static final AsciiSet SPACE = of(' ').union(of('\t')).union(of('\n')).union(of('\r')).union(of('\f'));

    static AsciiSet of(char c) {
        return c < 64 ? new AsciiSet(1L << c, 0) : new AsciiSet(0, 1L << (c - 64));
    }

    static AsciiSet range(char from, char to) {
        AsciiSet set = NONE;
        for (char c = from; c <= to; c++) {
            set = set.union(of(c));
        }
        return set;
    }

    AsciiSet union(AsciiSet other) {
        return new AsciiSet(low | other.low, high | other.high);
    }

    boolean contains(char c) {
        return c < 64 ? (low & (1L << c)) != 0 : c < 128 && (high & (1L << (c - 64))) != 0;
    }

    /** The ASCII chars that occur in {@code text}: one pass, then each pattern's char checks are mask tests. */
    public static AsciiSet charsOf(String text) {
        long low = 0;
        long high = 0;
        for (int i = 0, length = text.length(); i < length; i++) {
            int c = text.charAt(i);
            long bit = 1L << c; // the shift counts modulo 64
            long isLow = (c - 64) >> 31; // all ones below 64: no branch on a char class, which prose mixes at random
            long isAscii = (c - 128) >> 31;
            low |= bit & isLow;
            high |= bit & ~isLow & isAscii;
        }
        return new AsciiSet(low, high);
    }

    boolean containsAll(AsciiSet other) {
        return (other.low & ~low) == 0 && (other.high & ~high) == 0;
    }

    boolean intersects(AsciiSet other) {
        return (low & other.low) != 0 || (high & other.high) != 0;
    }

    /** Each letter of the set with its other case. */
    AsciiSet bothCases() {
        long letters = high & LETTERS.high; // 'A'-'Z' and 'a'-'z' are both in the high half, 32 bits apart
        return new AsciiSet(low, high | letters << 32 | letters >>> 32);
    }

    AsciiSet intersection(AsciiSet other) {
        return new AsciiSet(low & other.low, high & other.high);
    }

    int size() {
        return Long.bitCount(low) + Long.bitCount(high);
    }
}
