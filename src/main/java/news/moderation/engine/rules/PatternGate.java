package news.moderation.engine.rules;

import news.moderation.engine.normalize.NormalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * The char checks of every pattern's {@link RegexFootprint} over one text at once. A text with no char of any
 * pattern's rarest required set (most comments: no digit, no '@') is told by a scan that stops at the first such
 * char. Otherwise one bit-parallel pass (shift-and) looks for every window of every pattern at once: each position
 * of each window is one bit, a bit stays set while the chars read so far fit the window up to that position, and a
 * window is found when its last bit is set. A pattern's required chars are a window of one set. Immutable and safe
 * to share between threads.
 */
public final class PatternGate {
    private static final int ASCII = 128;
    /** The row of {@link #holding} for every char outside ASCII: only "any" sets hold it. */
    private static final int NON_ASCII_ROW = ASCII;

    private final List<PatternRule> patterns;
    /** How many longs the bits of all window positions take. */
    private final int words;
    /** For each char (row), word by word: the bits of the window positions whose set holds it. */
    private final long[] holding;
    /** The bits of each window's first position, and of its last. */
    private final long[] firsts;
    private final long[] lasts;
    /** For each pattern, word by word: the last bits of its windows, all of which must be found. */
    private final long[] lastsOfPattern;
    /**
     * Each pattern's rarest set of which every match has a char, joined: a text with no char of it lets no pattern
     * through. Null when some pattern needs no particular ASCII char.
     */
    private final AsciiSet neededByAny;
    private final boolean[] isNeeded = new boolean[ASCII];
    /** Whether {@link #neededByAny} holds {@link NormalizedText#isSymbol symbols} only. */
    private final boolean symbolsNeeded;

    public PatternGate(List<PatternRule> patterns) {
        this.patterns = List.copyOf(patterns);
        List<List<CharWindow>> windowsOfPattern = new ArrayList<>();
        for (PatternRule pattern : this.patterns) {
            List<CharWindow> windows = new ArrayList<>(pattern.footprint().requiredWindows());
            if (pattern.footprint().requiredChars() != null) {
                windows.add(CharWindow.of(List.of(pattern.footprint().requiredChars())));
            }
            windowsOfPattern.add(windows);
        }
        int[][] firstBits = firstBits(windowsOfPattern);
        int bits = 0;
        for (int k = 0; k < windowsOfPattern.size(); k++) {
            for (int w = 0; w < windowsOfPattern.get(k).size(); w++) {
                bits = Math.max(bits, firstBits[k][w] + positions(windowsOfPattern.get(k).get(w)));
            }
        }
        words = Math.max(1, (bits + 63) / 64);
        holding = new long[(NON_ASCII_ROW + 1) * words];
        firsts = new long[words];
        lasts = new long[words];
        lastsOfPattern = new long[this.patterns.size() * words];
        for (int k = 0; k < windowsOfPattern.size(); k++) {
            for (int w = 0; w < windowsOfPattern.get(k).size(); w++) {
                CharWindow window = windowsOfPattern.get(k).get(w);
                int first = firstBits[k][w];
                int last = first + positions(window) - 1;
                setBit(firsts, 0, first);
                setBit(lasts, 0, last);
                setBit(lastsOfPattern, k * words, last);
                for (int position = 0; position < positions(window); position++) {
                    for (char c = 0; c < ASCII; c++) {
                        if (window.holdsAt(position, c)) {
                            setBit(holding, c * words, first + position);
                        }
                    }
                    if (window.holdsAt(position, (char) ASCII)) { // an "any" set
                        setBit(holding, NON_ASCII_ROW * words, first + position);
                    }
                }
            }
        }
        neededByAny = neededByAny(this.patterns);
        boolean onlySymbols = neededByAny != null;
        for (char c = 0; c < ASCII; c++) {
            isNeeded[c] = neededByAny == null || neededByAny.contains(c);
            onlySymbols &= !isNeeded[c] || NormalizedText.isSymbol(c);
        }
        symbolsNeeded = onlySymbols;
    }

    /**
     * False when no pattern can match the text {@code normalized} was normalised from, as the normaliser saw: an
     * ASCII original (NFKC, which the patterns read, leaves it as it is) without a char of any pattern's rarest
     * required set, when those sets hold only symbols (the shipped patterns: a digit, '@' or '+'). Then the text is
     * not read again, and {@link #mayMatch} would answer false for every pattern.
     */
    public boolean mayMatchAny(NormalizedText normalized) {
        return !symbolsNeeded || !normalized.originalIsAscii()
                || normalized.originalHasSymbolOf(neededByAny.low(), neededByAny.high());
    }

    /** A window's positions that get bits: a window longer than a word is looked for by its first 64 sets. */
    private static int positions(CharWindow window) {
        return Math.min(window.length(), 64);
    }

    /** Where each window's bits start: in a row, a window that would cross into the next word starts that word. */
    private static int[][] firstBits(List<List<CharWindow>> windowsOfPattern) {
        int[][] firstBits = new int[windowsOfPattern.size()][];
        int next = 0;
        for (int k = 0; k < windowsOfPattern.size(); k++) {
            firstBits[k] = new int[windowsOfPattern.get(k).size()];
            for (int w = 0; w < firstBits[k].length; w++) {
                int length = positions(windowsOfPattern.get(k).get(w));
                if (next % 64 + length > 64) {
                    next += 64 - next % 64;
                }
                firstBits[k][w] = next;
                next += length;
            }
        }
        return firstBits;
    }

    private static void setBit(long[] words, int offset, int bit) {
        words[offset + bit / 64] |= 1L << (bit % 64);
    }

    private static AsciiSet neededByAny(List<PatternRule> patterns) {
        AsciiSet needed = AsciiSet.NONE;
        for (PatternRule pattern : patterns) {
            AsciiSet rarest = pattern.footprint().requiredChars();
            for (CharWindow window : pattern.footprint().requiredWindows()) {
                AsciiSet anchor = window.anchorSet();
                if (rarest == null || anchor != null && CharShape.chance(anchor) < CharShape.chance(rarest)) {
                    rarest = anchor;
                }
            }
            if (rarest == null) {
                return null;
            }
            needed = needed.union(rarest);
        }
        return needed;
    }

    /** The union of each pattern's rarest required set (see {@link #neededByAny}), or null when there is none. */
    AsciiSet neededByAny() {
        return neededByAny;
    }

    /**
     * @param text      the text the patterns read (NFKC)
     * @param languages the selected languages; the patterns of others are not checked
     * @return for each pattern (in the order given), whether its footprint lets {@code text} through, exactly as
     * {@link RegexFootprint#mayMatch(String)} would answer
     */
    public boolean[] mayMatch(String text, long languages) {
        boolean[] mayMatch = new boolean[patterns.size()];
        if (!hasNeededChar(text)) {
            return mayMatch;
        }
        long[] found = windowsFound(text);
        for (int k = 0; k < patterns.size(); k++) {
            mayMatch[k] = (patterns.get(k).languages() & languages) != 0 && allFound(found, k)
                    && patterns.get(k).footprint().hasAlphabetRun(text);
        }
        return mayMatch;
    }

    private boolean hasNeededChar(String text) {
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c < ASCII && isNeeded[c]) {
                return true;
            }
        }
        return neededByAny == null;
    }

    /**
     * The shift-and pass: the last bits of the windows found in {@code text}. One word of bits at a time, so that
     * the bits of the window positions read so far and of the windows found stay in registers.
     */
    private long[] windowsFound(String text) {
        long[] found = new long[words];
        for (int w = 0; w < words; w++) {
            long fitting = 0;
            long foundInWord = 0;
            long first = firsts[w];
            long last = lasts[w];
            for (int i = 0, length = text.length(); i < length; i++) {
                char c = text.charAt(i);
                fitting = (fitting << 1 | first) & holding[(c < ASCII ? c : NON_ASCII_ROW) * words + w];
                foundInWord |= fitting & last;
            }
            found[w] = foundInWord;
        }
        return found;
    }

    private boolean allFound(long[] found, int pattern) {
        for (int w = 0; w < words; w++) {
            long needed = lastsOfPattern[pattern * words + w];
            if ((found[w] & needed) != needed) {
                return false;
            }
        }
        return true;
    }
}
