package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** Re-judging off (its default): a new ruleset leaves the comments waiting for a moderator as they are. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(RejudgeOffTest.Off.class)
class RejudgeOffTest {

    /** Re-judging keeps its default; releasing is on, to show that it does nothing by itself. */
    public static class Off extends RejudgeScenario.Profile {
        public Off() {
            super("target/rejudge-rules-off", Map.of("moderation.rejudge.release-cleared", "true"));
        }
    }

    @Test
    void heldCommentsAreUntouchedByANewRuleset() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesThatClearOne();

        RejudgeScenario.untouched(held.cleared(), held.versionBefore());
        assertEquals(1, RejudgeScenario.judgedEvents(held.cleared()).size());
    }
}
