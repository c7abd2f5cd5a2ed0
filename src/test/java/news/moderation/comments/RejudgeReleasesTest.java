package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** Re-judging on, releasing cleared comments on: a new ruleset that clears a held comment publishes it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(RejudgeReleasesTest.ReleaseCleared.class)
class RejudgeReleasesTest {

    public static class ReleaseCleared extends RejudgeScenario.Profile {
        public ReleaseCleared() {
            super("target/rejudge-rules-release", Map.of("moderation.rejudge.enabled", "true",
                    "moderation.rejudge.release-cleared", "true"));
        }
    }

    @Test
    void aHeldCommentTheNewRulesClearIsPublishedAndTheEventNamesTheNewRuleset() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesThatClearOne();

        assertEquals("PUBLISHED", RejudgeScenario.statusOf(held.cleared()));
        assertEquals(List.of("null→PENDING_REVIEW REVIEW " + held.versionBefore() + " false",
                "PENDING_REVIEW→PUBLISHED ALLOW " + held.versionAfter() + " true"),
                RejudgeScenario.judgedEvents(held.cleared()));
        // The other one still breaks the rules: same verdict, nothing written, no event.
        RejudgeScenario.untouched(held.stillHeld(), held.versionBefore());
        assertEquals(1, RejudgeScenario.judgedEvents(held.stillHeld()).size());
    }

    @Test
    void aCommentIsJudgedAgainAsAReplyWhenItAnswersAnother() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesForRepliesOnly();

        assertEquals("PUBLISHED", RejudgeScenario.statusOf(held.cleared()));
        RejudgeScenario.untouched(held.stillHeld(), held.versionBefore());
    }
}
