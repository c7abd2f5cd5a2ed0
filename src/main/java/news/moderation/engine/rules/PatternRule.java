package news.moderation.engine.rules;

import com.google.re2j.Pattern;

import java.util.BitSet;

/**
 * A compiled pattern rule (a regex on the original text) with what every match of it must contain
 * ({@link RegexFootprint}): the marker groups in {@code requiredMarkers} (strings looked for by the marker pass) and
 * the characters its footprint needs. The regex only runs when the text has them, so most comments cost no regex
 * at all: no '@', no e-mail address.
 */
public record PatternRule(int rule, Pattern pattern, long languages, int[] requiredMarkers,
                          RegexFootprint footprint) {

    /** Receives a match as offsets into the searched text, end exclusive. */
    public interface MatchConsumer {
        void accept(int start, int end);
    }

    /** Whether the pattern needs strings looked for by the marker pass (then {@link #markersSeen} tells). */
    public boolean needsMarkers() {
        return requiredMarkers.length > 0;
    }

    public boolean markersSeen(BitSet markersSeen) {
        for (int marker : requiredMarkers) {
            if (!markersSeen.get(marker)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every non-empty, non-overlapping match, leftmost first: the same as a search of the whole text, made over the
     * regions of the text where the footprint proves matches can lie ({@link SearchRegions}) when it knows them.
     */
    public void findAll(String text, MatchConsumer matches) {
        if (footprint.searchRegions() != null) {
            footprint.searchRegions().findAll(pattern, text, matches);
        } else {
            findAllInWholeText(text, matches);
        }
    }

    /** Every non-empty, non-overlapping match re2j finds in the whole of {@code text}, leftmost first. */
    void findAllInWholeText(String text, MatchConsumer matches) {
        SearchRegions.search(pattern, text, 0, text.length(), matches);
    }
}
