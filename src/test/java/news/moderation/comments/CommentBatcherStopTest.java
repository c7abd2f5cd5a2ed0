package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * A comment that a committer has taken from the queue, and holds while it waits for the batch being written, is
 * answered when the batcher stops, as the comments still queued are: 503 with {@code Retry-After}, nothing stored, not
 * left without an answer. The batch being
 * written is made slow by a lock on the comment table, so that the other committer waits ({@code overlap-after} 30 s).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(CommentBatcherStopTest.LongOverlapAfter.class)
class CommentBatcherStopTest {

    public static class LongOverlapAfter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.submission-batch.overlap-after", "30s",
                    "moderation.submission-batch.committers", "2");
        }
    }

    @TestHTTPResource("/api/v1/comments")
    URI comments;

    @Inject
    AgroalDataSource database;

    @Inject
    CommentBatcher batcher;

    @Test
    void aCommentHeldByAWaitingCommitterIsAnsweredWhenTheBatcherStops() throws Exception {
        String article = "stop-" + UUID.randomUUID();
        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> held;
        try (SlowInserts inserts = SlowInserts.hold(database)) {
            first = SlowInserts.submit(comments, article, "The first comment, its batch slowed down");
            inserts.awaitWaiting(1);
            held = SlowInserts.submit(comments, article, "A comment the other committer holds while it waits");
            Thread.sleep(500); // taken from the queue by now: the other committer waits up to 30 s for the first batch

            batcher.stop();

            HttpResponse<String> answer = held.get(10, TimeUnit.SECONDS); // before the fix: no answer for 30 s
            assertEquals(503, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
            assertTrue(answer.body().contains("not stored"), answer.body());
            inserts.release();
        }
        assertEquals(201, first.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals(0, storedWithBody("A comment the other committer holds while it waits"));
    }

    private long storedWithBody(String body) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM comment WHERE body = ?")) {
            query.setString(1, body);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
