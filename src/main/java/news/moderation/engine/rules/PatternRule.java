package news.moderation.engine.rules;

import com.google.re2j.Pattern;

/**
 * A compiled pattern rule. {@code requiredLists}: word lists that every match must contain; the pattern only runs
 * when the term pass saw all of them, so clean comments cost no regex at all.
 */
public record PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredLists) {

    public boolean mayMatch(java.util.BitSet listsPresent) {
        for (int list : requiredLists) {
            if (!listsPresent.get(list)) {
                return false;
            }
        }
        return true;
    }
}
