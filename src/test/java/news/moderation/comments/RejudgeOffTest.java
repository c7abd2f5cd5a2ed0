package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** Re-judging off (its default): a new ruleset leaves the comments waiting for a moderator as they are. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(RejudgeOffTest.Off.class)
class RejudgeOffTest {

    static final String RULES = "target/rejudge-rules-off";

    /** Re-judging keeps its default; releasing is on, to show that it does nothing by itself. */
    public static class Off extends RejudgeScenario.Profile {
        public Off() {
            super(RULES, Map.of("moderation.rejudge.release-cleared", "true"));
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void heldCommentsAreUntouchedByANewRuleset() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesThatClearOne(RULES);

        RejudgeScenario.untouched(held.cleared(), held.versionBefore());
        assertEquals(1, RejudgeScenario.judgedEvents(database, held.cleared()).size());
    }
}
