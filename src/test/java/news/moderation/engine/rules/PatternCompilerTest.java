package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatternCompilerTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "you_are", List.of("you are", "ur"),
            "insult", List.of("idiot", "loser*", "piece of shit"));

    private static String normalized(String source) {
        return PatternCompiler.compile(source, false, LISTS::get).pattern();
    }

    private static String original(String source) {
        return PatternCompiler.compile(source, true, LISTS::get).pattern();
    }

    @Test
    void writesLiteralsTheWayTheNormaliserWritesText() {
        assertEquals("i wil kil you", normalized("I will KILL you"));
        assertEquals("dont go", normalized("don't go"));
        assertEquals("\\bkil\\b [ll]{2,3} cafe", normalized("\\bkill\\b [ll]{2,3} café"));
        assertEquals("al?l", normalized("al?l")); // a quantified letter is not collapsed
        assertEquals("I will KILL", original("I will KILL"));
    }

    @Test
    void expandsListsIntoWordBoundedAlternationsOfNormalisedEntries() {
        assertEquals("\\b(?:piece of shit|loser\\w*|idiot)\\b", normalized("{insult}"));
        assertThrows(IllegalArgumentException.class, () -> normalized("{nosuchlist}"));
    }
}
