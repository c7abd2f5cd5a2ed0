package news.moderation.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Judging with the small fixture ruleset in src/test/resources/engine/basic. */
class RulesetTest {
    static final Path BASIC = Path.of("src/test/resources/engine/basic");
    private static Ruleset ruleset;

    @BeforeAll
    static void load() throws RulesetException {
        ruleset = Ruleset.load(BASIC);
    }

    private static List<String> ruleIds(String text) {
        return ruleset.judge(text, "en").matches().stream().map(Match::ruleId).toList();
    }

    @Test
    void loadsTheFixtureAndReportsStats() {
        RulesetStats stats = ruleset.stats();
        assertEquals(10, stats.files());
        assertTrue(stats.languages().containsAll(List.of("en", "de", "any")));
        assertTrue(ruleset.version().matches("sha256:[0-9a-f]{16}"));
        assertEquals(9 + 1, stats.allowTerms());
    }
}
