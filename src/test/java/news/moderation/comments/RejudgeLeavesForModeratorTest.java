package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** Re-judging on, releasing off: a held comment the new rules clear gets their verdict and waits for a moderator. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(RejudgeLeavesForModeratorTest.LeaveCleared.class)
class RejudgeLeavesForModeratorTest {

    public static class LeaveCleared extends RejudgeScenario.Profile {
        public LeaveCleared() {
            super("target/rejudge-rules-leave", Map.of("moderation.rejudge.enabled", "true"));
        }
    }

    @Test
    void aHeldCommentTheNewRulesClearStaysInTheQueueWithTheNewVerdict() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesThatClearOne();

        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", held.cleared()).then()
                .statusCode(200)
                .body("comment.status", equalTo("PENDING_REVIEW"))
                .body("comment.verdict.decision", equalTo("ALLOW"))
                .body("comment.verdict.rulesetVersion", equalTo(held.versionAfter()));
        assertEquals(List.of("null→PENDING_REVIEW REVIEW " + held.versionBefore() + " false",
                "PENDING_REVIEW→PENDING_REVIEW ALLOW " + held.versionAfter() + " true"),
                RejudgeScenario.judgedEvents(held.cleared()));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/history", held.cleared())
                .then().statusCode(200)
                .body("note", contains(null, "judged again after a ruleset change"))
                .body("rulesetVersion", contains(held.versionBefore(), held.versionAfter()));
        RejudgeScenario.untouched(held.stillHeld(), held.versionBefore());
    }
}
