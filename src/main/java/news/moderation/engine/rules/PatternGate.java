package news.moderation.engine.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The char checks of every pattern's {@link RegexFootprint} over one text at once. The ASCII chars of the text are
 * collected once, so each pattern's required chars and window sets are mask tests; the windows still possible are
 * then looked for in ONE scan of the text, where each char is looked up in a table of the windows whose rarest set
 * holds it, rather than in a scan per pattern. Immutable and safe to share between threads.
 */
public final class PatternGate {
    private static final int ASCII = 128;

    private final List<PatternRule> patterns;
    /** For each ASCII char, the indices of the patterns whose window is anchored on a set holding it. */
    private final int[][] anchoredOn = new int[ASCII][];

    public PatternGate(List<PatternRule> patterns) {
        this.patterns = List.copyOf(patterns);
        List<List<Integer>> byChar = new ArrayList<>();
        for (int c = 0; c < ASCII; c++) {
            byChar.add(new ArrayList<>());
        }
        for (int k = 0; k < this.patterns.size(); k++) {
            CharWindow window = this.patterns.get(k).footprint().requiredWindow();
            for (char c = 0; c < ASCII; c++) {
                if (!window.isEmpty() && window.anchorHolds(c)) {
                    byChar.get(c).add(k);
                }
            }
        }
        for (int c = 0; c < ASCII; c++) {
            anchoredOn[c] = byChar.get(c).isEmpty() ? null : byChar.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * @param text      the text the patterns read (NFKC)
     * @param languages the selected languages; the patterns of others are not checked
     * @return for each pattern (in the order given), whether its footprint lets {@code text} through, exactly as
     * {@link RegexFootprint#mayMatch(String)} would answer
     */
    public boolean[] mayMatch(String text, long languages) {
        AsciiSet charsPresent = AsciiSet.charsOf(text);
        boolean[] mayMatch = new boolean[patterns.size()];
        boolean[] windowLookedFor = new boolean[patterns.size()];
        int windowsLookedFor = 0;
        for (int k = 0; k < patterns.size(); k++) {
            PatternRule pattern = patterns.get(k);
            RegexFootprint footprint = pattern.footprint();
            if ((pattern.languages() & languages) == 0 || !footprint.requiredCharsIn(charsPresent)) {
                continue;
            }
            CharWindow window = footprint.requiredWindow();
            if (window.isEmpty()) {
                mayMatch[k] = footprint.hasAlphabetRun(text);
            } else if (window.possibleWith(charsPresent)) {
                windowLookedFor[k] = true;
                windowsLookedFor++;
            }
        }
        for (int i = 0, length = text.length(); i < length && windowsLookedFor > 0; i++) {
            char c = text.charAt(i);
            int[] anchored = c < ASCII ? anchoredOn[c] : null;
            if (anchored == null) {
                continue;
            }
            for (int k : anchored) {
                RegexFootprint footprint = patterns.get(k).footprint();
                if (windowLookedFor[k] && footprint.requiredWindow().fitsAnchoredAt(text, i)) {
                    windowLookedFor[k] = false;
                    windowsLookedFor--;
                    mayMatch[k] = footprint.hasAlphabetRun(text);
                }
            }
        }
        return mayMatch;
    }
}
