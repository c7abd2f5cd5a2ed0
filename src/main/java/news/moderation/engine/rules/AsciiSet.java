package news.moderation.engine.rules;

/** A set of ASCII characters as a 128-bit mask, for {@link RegexFootprint}. */
record AsciiSet(long low, long high) {
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

    AsciiSet intersection(AsciiSet other) {
        return new AsciiSet(low & other.low, high & other.high);
    }

    int size() {
        return Long.bitCount(low) + Long.bitCount(high);
    }
}
