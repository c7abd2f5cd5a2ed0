package news.moderation.engine.rules;

import java.util.List;

/**
 * A run of char sets that every match of a pattern contains ({@link CharShape#requiredWindows()}), looked for in a
 * text: a scan for chars of its rarest set, each checked against the sets around it. Any-char sets (null in the
 * shape) are kept as "any" and only ever met at the ends, which are stripped.
 */
final class CharWindow {
    private final List<String> written;
    private final long[] lows;
    private final long[] highs;
    private final boolean[] any;
    private final int anchor;

    static CharWindow of(List<AsciiSet> sets) {
        long[] lows = new long[sets.size()];
        long[] highs = new long[sets.size()];
        boolean[] any = new boolean[sets.size()];
        int anchor = 0;
        for (int k = 0; k < sets.size(); k++) {
            AsciiSet set = sets.get(k);
            any[k] = set == null;
            lows[k] = set == null ? -1L : set.low();
            highs[k] = set == null ? -1L : set.high();
            AsciiSet rarest = sets.get(anchor);
            if (set != null && (rarest == null || CharShape.chance(set) < CharShape.chance(rarest))) {
                anchor = k;
            }
        }
        return new CharWindow(sets.stream().map(set -> set == null ? "any" : set.toString()).toList(),
                lows, highs, any, anchor);
    }

    private CharWindow(List<String> written, long[] lows, long[] highs, boolean[] any, int anchor) {
        this.written = written;
        this.lows = lows;
        this.highs = highs;
        this.any = any;
        this.anchor = anchor;
    }

    @Override
    public String toString() {
        return "CharWindow" + written;
    }

    int length() {
        return lows.length;
    }

    /** Whether the set at {@code position} holds {@code c} (an "any" set holds every char, ASCII or not). */
    boolean holdsAt(int position, char c) {
        return any[position] || isIn(c, lows[position], highs[position]);
    }

    /** Whether every set can be met at all, given the ASCII chars of the text. */
    boolean possibleWith(AsciiSet charsPresent) {
        for (int k = 0; k < lows.length; k++) {
            if (!any[k] && (lows[k] & charsPresent.low()) == 0 && (highs[k] & charsPresent.high()) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} has, somewhere, one char of each set in a row. */
    boolean foundIn(String text) {
        for (int i = anchor, last = text.length() - (lows.length - anchor); i <= last; i++) {
            if (holdsAt(anchor, text.charAt(i)) && fitsAnchoredAt(text, i)) {
                return true;
            }
        }
        return false;
    }

    /** The rarest set, the one the window is looked for by; null when it is "any". */
    AsciiSet anchorSet() {
        return any[anchor] ? null : new AsciiSet(lows[anchor], highs[anchor]);
    }

    /** Whether the window fits {@code text} with its rarest set at {@code index}. */
    private boolean fitsAnchoredAt(String text, int index) {
        int start = index - anchor;
        if (start < 0 || start + lows.length > text.length()) {
            return false;
        }
        for (int k = 0; k < lows.length; k++) {
            if (!holdsAt(k, text.charAt(start + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIn(char c, long low, long high) {
        return c < 64 ? (low >>> c & 1) != 0 : c < 128 && (high >>> c & 1) != 0; // shifts count modulo 64
    }
}
