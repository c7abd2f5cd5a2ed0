package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The char checks of every pattern's {@link RegexFootprint} over one text at once. The ASCII chars of the text are
 * collected once, so each pattern's required chars and window sets are mask tests; the windows still possible are
 * then looked for in ONE scan of the text, where each char is looked up in a table of the windows whose rarest set
 * holds it, rather than in a scan per window. Immutable and safe to share between threads.
 */
public final class PatternGate {
    private static final int ASCII = 128;

    private final List<PatternRule> patterns;
    /** Every window of every pattern, and the index of the pattern it belongs to. */
    private final CharWindow[] windows;
    private final int[] patternOfWindow;
    /** For each ASCII char, the indices of the windows anchored on a set holding it. */
    private final int[][] anchoredOn = new int[ASCII][];
    /**
     * Each pattern's rarest set of which every match has a char, joined: a text with no char of it lets no pattern
     * through, which most comments (no digit, no '@') are told by one mask test. Null when some pattern needs no
     * particular ASCII char.
     */
    private final AsciiSet neededByAny;

    public PatternGate(List<PatternRule> patterns) {
        this.patterns = List.copyOf(patterns);
        List<CharWindow> allWindows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int k = 0; k < this.patterns.size(); k++) {
            for (CharWindow window : this.patterns.get(k).footprint().requiredWindows()) {
                allWindows.add(window);
                owners.add(k);
            }
        }
        windows = allWindows.toArray(CharWindow[]::new);
        patternOfWindow = owners.stream().mapToInt(Integer::intValue).toArray();
        for (char c = 0; c < ASCII; c++) {
            List<Integer> anchored = new ArrayList<>();
            for (int w = 0; w < windows.length; w++) {
                if (windows[w].anchorHolds(c)) {
                    anchored.add(w);
                }
            }
            anchoredOn[c] = anchored.isEmpty() ? null : anchored.stream().mapToInt(Integer::intValue).toArray();
        }
        neededByAny = neededByAny(this.patterns);
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
        AsciiSet charsPresent = AsciiSet.charsOf(text);
        if (neededByAny != null && !neededByAny.intersects(charsPresent)) {
            return new boolean[patterns.size()];
        }
        boolean[] candidate = new boolean[patterns.size()];
        for (int k = 0; k < patterns.size(); k++) {
            candidate[k] = (patterns.get(k).languages() & languages) != 0
                    && patterns.get(k).footprint().requiredCharsIn(charsPresent);
        }
        int[] windowsMissing = new int[patterns.size()];
        boolean[] lookedFor = new boolean[windows.length];
        for (int w = 0; w < windows.length; w++) {
            int owner = patternOfWindow[w];
            candidate[owner] &= windows[w].possibleWith(charsPresent);
            windowsMissing[owner]++;
        }
        int stillLookedFor = 0;
        for (int w = 0; w < windows.length; w++) {
            lookedFor[w] = candidate[patternOfWindow[w]];
            stillLookedFor += lookedFor[w] ? 1 : 0;
        }
        for (int i = 0, length = text.length(); i < length && stillLookedFor > 0; i++) {
            char c = text.charAt(i);
            int[] anchored = c < ASCII ? anchoredOn[c] : null;
            if (anchored == null) {
                continue;
            }
            for (int w : anchored) {
                if (lookedFor[w] && windows[w].fitsAnchoredAt(text, i)) {
                    lookedFor[w] = false;
                    stillLookedFor--;
                    windowsMissing[patternOfWindow[w]]--;
                }
            }
        }
        boolean[] mayMatch = new boolean[patterns.size()];
        for (int k = 0; k < patterns.size(); k++) {
            mayMatch[k] = candidate[k] && windowsMissing[k] == 0 && patterns.get(k).footprint().hasAlphabetRun(text);
        }
        return mayMatch;
    }
}
