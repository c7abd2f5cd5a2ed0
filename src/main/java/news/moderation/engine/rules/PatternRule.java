package news.moderation.engine.rules;

import com.google.re2j.Matcher;
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

    /** Every non-empty, non-overlapping match, leftmost first. */
    public void findAll(String text, MatchConsumer matches) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.accept(matcher.start(), matcher.end());
            }
        }
    }
}
