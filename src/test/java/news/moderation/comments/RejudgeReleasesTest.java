package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
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

    /**
     * The comment table is locked (as a long pass over many comments would keep the pass busy) while the rules
     * change: the reload still answers at once, and the comments are judged once the lock is gone.
     */
    @Test
    void theReloadAnswersBeforeTheWaitingCommentsAreJudgedAgain() {
        RejudgeScenario.Held held = RejudgeScenario.holdThenReloadRulesThatClearOne(() -> {
            try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection()) {
                connection.setAutoCommit(false);
                try (Statement lock = connection.createStatement()) {
                    lock.execute("LOCK TABLE comment IN EXCLUSIVE MODE"); // readers pass, the pass's FOR UPDATE waits
                }
                CompletableFuture<String> reload = CompletableFuture.supplyAsync(RejudgeScenario::reload);
                String version = reload.get(20, TimeUnit.SECONDS);
                connection.rollback();
                return version;
            } catch (TimeoutException e) {
                throw new AssertionError("the reload waited for the re-judging pass", e);
            } catch (SQLException | InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals("PUBLISHED", RejudgeScenario.statusOf(held.cleared()));
    }
}
