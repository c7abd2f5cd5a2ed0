package news.moderation.engine.rules;

import com.google.re2j.Pattern;

import java.util.BitSet;

/**
 * A compiled pattern rule with what every match of it must contain: the word lists in {@code requiredLists} and one
 * of {@code requiredChars} (null: nothing known). The pattern only runs when the text has them, so most comments
 * cost no regex at all: no "you" and no insult, no "you are an idiot"; no '@', no e-mail address.
 */
public record PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredLists,
                          AsciiSet requiredChars) {

    public boolean mayMatch(BitSet listsPresent, AsciiSet charsPresent) {
        if (requiredChars != null && !requiredChars.intersects(charsPresent)) {
            return false;
        }
        for (int list : requiredLists) {
            if (!listsPresent.get(list)) {
                return false;
            }
        }
        return true;
    }
}
