package news.moderation.engine.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.nio.CharBuffer;
import java.util.BitSet;

/**
 * A compiled pattern rule with what every match of it must contain: the word lists in {@code requiredLists} and one
 * of {@code requiredChars} (null: nothing known). The pattern only runs when the text has them, so most comments
 * cost no regex at all: no "you" and no insult, no "you are an idiot"; no '@', no e-mail address.
 *
 * <p>When a match can only start with a few non-letter characters ({@code firstChars}: a phone number starts with
 * a digit or '+'), the regex is tried anchored at those positions only instead of scanning the whole text. After
 * {@value #MAX_ANCHORED_TRIES} tries it falls back to a plain scan, so the cost stays linear.
 */
public record PatternRule(int rule, Pattern pattern, boolean onOriginal, long languages, int[] requiredLists,
                          AsciiSet requiredChars, AsciiSet firstChars) {

    private static final int MAX_ANCHORED_TRIES = 32;

    /** Receives a match as offsets into the searched text, end exclusive. */
    public interface MatchConsumer {
        void accept(int start, int end);
    }

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

    /** Every non-empty, non-overlapping match, leftmost first, as re2j's {@code find()} would report them. */
    public void findAll(String text, MatchConsumer matches) {
        int from = firstChars != null && !firstChars.intersects(AsciiSet.LETTERS) ? findAnchored(text, matches) : 0;
        if (from > text.length()) {
            return;
        }
        Matcher matcher = pattern.matcher(text);
        boolean found = matcher.find(from);
        while (found) {
            if (matcher.end() > matcher.start()) {
                matches.accept(matcher.start(), matcher.end());
            }
            found = matcher.find();
        }
    }

    /** @return where a plain scan must go on: past the end when done, else the position where tries ran out */
    private int findAnchored(String text, MatchConsumer matches) {
        Matcher matcher = pattern.matcher("");
        int tries = 0;
        int i = 0;
        while (i < text.length()) {
            if (!firstChars.contains(text.charAt(i))) {
                i++;
                continue;
            }
            if (++tries > MAX_ANCHORED_TRIES) {
                return i;
            }
            matcher.reset(CharBuffer.wrap(text, i, text.length()));
            if (matcher.lookingAt() && matcher.end() > 0) {
                matches.accept(i, i + matcher.end());
                i += matcher.end();
            } else {
                i++;
            }
        }
        return text.length() + 1;
    }
}
