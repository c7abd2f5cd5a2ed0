package news.moderation.engine.rules;

import news.moderation.engine.rules.PatternCompiler.Compiled;
import news.moderation.engine.rules.PatternCompiler.WordList;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatternCompilerTest {
    private static final Map<String, WordList> LISTS = Map.of(
            "you_are", new WordList(0, List.of("you are", "ur")),
            "insult", new WordList(1, List.of("idiot", "loser*", "piece of shit")));

    private static Compiled normalized(String source) {
        return PatternCompiler.compile(source, false, LISTS::get);
    }

    private static Compiled original(String source) {
        return PatternCompiler.compile(source, true, LISTS::get);
    }

    @Test
    void writesLiteralsTheWayTheNormaliserWritesText() {
        assertEquals("i wil kil you", normalized("I will KILL you").pattern().pattern());
        assertEquals("dont go", normalized("don't go").pattern().pattern());
        assertEquals("\\bkil\\b [ll]{2,3} cafe", normalized("\\bkill\\b [ll]{2,3} café").pattern().pattern());
        assertEquals("al?l", normalized("al?l").pattern().pattern()); // a quantified letter is not collapsed
        assertEquals("I will KILL", original("I will KILL").pattern().pattern());
    }

    @Test
    void expandsListsIntoWordBoundedAlternationsOfNormalisedEntries() {
        String expanded = normalized("{insult}").pattern().pattern();
        assertEquals("\\b(?:piece of shit|loser\\w*|idiot)\\b", expanded);
        assertThrows(IllegalArgumentException.class, () -> normalized("{nosuchlist}"));
    }

    @Test
    void findsTheListsEveryMatchNeeds() {
        assertArrayEquals(new int[] {0, 1}, normalized("{you_are} (?:such |a )*{insult}").requiredLists());
        assertArrayEquals(new int[] {1}, normalized("(?:{you_are} )?{insult}").requiredLists());
        assertArrayEquals(new int[] {1}, normalized("{you_are}? {insult}").requiredLists());
        assertArrayEquals(new int[0], normalized("{you_are}|{insult}").requiredLists());
    }
}
