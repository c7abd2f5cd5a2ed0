package news.moderation.engine.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.BitSet;

/**
 * A compiled pattern rule with what every match of it must contain: the word lists in {@code requiredLists} (seen
 * by the term pass) and its {@link RegexFootprint}. The regex only runs when the text has them, so most comments
 * cost no regex at all: no "you" and no insult, no "you are an idiot"; no '@', no e-mail address.
 */
public record PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredLists,
                          RegexFootprint footprint) {

    /** Receives a match as offsets into the searched text, end exclusive. */
    public interface MatchConsumer {
        void accept(int start, int end);
    }

    public boolean mayMatch(BitSet listsPresent, String text) {
        for (int list : requiredLists) {
            if (!listsPresent.get(list)) {
                return false;
            }
        }
        return footprint.mayMatch(text);
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
