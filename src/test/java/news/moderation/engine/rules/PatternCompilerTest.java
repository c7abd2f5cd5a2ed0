package news.moderation.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatternCompilerTest {
    private static final Map<String, List<String>> LISTS = Map.of(
            "street", List.of("Street", "Rd*", "Avenue of the Americas"));

    private static String compiled(String source) {
        return PatternCompiler.compile(source, LISTS::get).pattern();
    }

    @Test
    void leavesLiteralsAsWrittenForTheOriginalText() {
        assertEquals("I will KILL café", compiled("I will KILL café"));
    }

    @Test
    void expandsListsIntoWordBoundedAlternationsOfEntriesAsWritten() {
        assertEquals("\\b(?:Avenue of the Americas|Street|Rd\\w*)\\b", compiled("{street}"));
        assertThrows(IllegalArgumentException.class, () -> compiled("{nosuchlist}"));
    }

    @Test
    void refusesSyntaxRe2jCannotRunInLinearTime() {
        assertThrows(IllegalArgumentException.class, () -> compiled("(?=a)b"));
        assertThrows(IllegalArgumentException.class, () -> compiled("(a)\\1"));
    }
}
