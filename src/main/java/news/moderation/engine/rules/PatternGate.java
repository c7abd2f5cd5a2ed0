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
    /**
     * For each needed char, the required windows anchored on a rarest set that holds it: the char lets a text
     * through only where one of them fits around it ("[A-Za-z0-9._%+-]@[A-Za-z0-9]": not the '@' of "RT @user").
     * Null for a char that lets a text through wherever it stands (some pattern needs it with no window around it).
     */
    private final CharWindow[][] windowsAround = new CharWindow[ASCII][];
    /** The needed chars whose {@link #windowsAround} is null, as a 128-bit set. */
    private final AsciiSet neededAlone;
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
        List<Rarest> rarest = this.patterns.stream().map(PatternGate::rarestOf).toList();
        neededByAny = rarest.contains(null) ? null
                : rarest.stream().map(Rarest::set).reduce(AsciiSet.NONE, AsciiSet::union);
        boolean onlySymbols = neededByAny != null;
        AsciiSet alone = AsciiSet.NONE;
        for (char c = 0; c < ASCII; c++) {
            isNeeded[c] = neededByAny == null || neededByAny.contains(c);
            onlySymbols &= !isNeeded[c] || NormalizedText.isSymbol(c);
            windowsAround[c] = neededByAny == null ? null : windowsAround(rarest, c);
            if (isNeeded[c] && windowsAround[c] == null) {
                alone = alone.union(AsciiSet.of(c));
            }
        }
        symbolsNeeded = onlySymbols;
        neededAlone = alone;
    }

    /**
     * A pattern's rarest set of which every match has a char, and the required window anchored on that set when
     * there is one (null: the char is needed with nothing known around it).
     */
    private record Rarest(AsciiSet set, CharWindow window) {
    }

    /**
     * The rarest of the pattern's required chars and its windows' anchor sets (a window wins a tie: it also tells
     * what stands around the char); null when the pattern needs no particular ASCII char.
     */
    private static Rarest rarestOf(PatternRule pattern) {
        AsciiSet rarest = pattern.footprint().requiredChars();
        CharWindow around = null;
        for (CharWindow window : pattern.footprint().requiredWindows()) {
            AsciiSet anchor = window.anchorSet();
            if (anchor != null && (rarest == null || CharShape.chance(anchor) < CharShape.chance(rarest)
                    || around == null && window.length() > 1 && anchor.equals(rarest))) {
                rarest = anchor;
                around = window.length() > 1 ? window : null;
            }
        }
        return rarest == null ? null : new Rarest(rarest, around);
    }

    /** The windows around {@code c} (see {@link #windowsAround}), or null when some pattern needs it alone. */
    private static CharWindow[] windowsAround(List<Rarest> rarest, char c) {
        List<CharWindow> windows = new ArrayList<>();
        for (Rarest needed : rarest) {
            if (needed.set().contains(c)) {
                if (needed.window() == null) {
                    return null;
                }
                windows.add(needed.window());
            }
        }
        return windows.toArray(CharWindow[]::new);
    }

    /**
     * False when no pattern can match {@code original}, as the normaliser saw it: an ASCII original (NFKC, which the
     * patterns read, leaves it as it is) without a char of any pattern's rarest required set, when those sets hold
     * only symbols (the shipped patterns: a digit, '@' or '+'); then the text is not read again. When its only such
     * chars are ones needed inside a window (the '@' of an e-mail address), it is read up to the first one the window
     * fits around. Whenever this answers false, {@link #mayMatch} would answer false for every pattern.
     */
    public boolean mayMatchAny(String original, NormalizedText normalized) {
        if (!symbolsNeeded || !normalized.originalIsAscii()
                || normalized.originalHasSymbolOf(neededAlone.low(), neededAlone.high())) {
            return true;
        }
        return normalized.originalHasSymbolOf(neededByAny.low(), neededByAny.high()) && hasNeededChar(original);
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

    /** Whether {@code text} has a char of some pattern's rarest required set, with its window around it if any. */
    private boolean hasNeededChar(String text) {
        if (neededByAny == null) {
            return true;
        }
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (c < ASCII && isNeeded[c] && (windowsAround[c] == null || fitsAround(windowsAround[c], text, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean fitsAround(CharWindow[] windows, String text, int index) {
        for (CharWindow window : windows) {
            if (window.fitsAnchoredAt(text, index)) {
                return true;
            }
        }
        return false;
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
