package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
 * The committers write one batch at a time while commits are quick: comments that arrive while a batch is written wait
 * for its commit and then share one transaction, instead of a free committer starting a batch with the first of them;
 * a comment that has waited {@code overlap-after}, or a batch of {@code overlap-size} comments, is written beside the
 * slow batch. A batch is made slow by a lock on the comment table, held by the test, which its insert waits for.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(CommentBatchOverlapTest.OverlapAfterThreeSeconds.class)
class CommentBatchOverlapTest {

    public static class OverlapAfterThreeSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.submission-batch.overlap-after", "3s",
                    "moderation.submission-batch.overlap-size", String.valueOf(OVERLAP_SIZE),
                    "moderation.submission-batch.committers", "2");
        }
    }

    static final int OVERLAP_SIZE = 8;

    @TestHTTPResource("/api/v1/comments")
    URI comments;

    @Inject
    AgroalDataSource database;

    @Test
    void commentsArrivingWhileABatchIsWrittenWaitForItsCommitAndShareTheNextTransaction() throws Exception {
        String article = "overlap-" + UUID.randomUUID();
        List<CompletableFuture<String>> next = new ArrayList<>();
        CompletableFuture<String> first;
        try (SlowBatch slow = slowBatch(article)) {
            first = slow.first();
            for (int i = 0; i < OVERLAP_SIZE - 3; i++) {
                next.add(submit(article, "A comment arriving meanwhile, number " + i));
                Thread.sleep(30);
            }
            Thread.sleep(300);
            // The other committer has these comments' batch, and waits for the slow one instead of writing beside it.
            assertEquals(1, slow.inserts().waiting());
            slow.release();
        }
        Set<String> nextTransactions = transactionsOf(next);
        assertEquals(1, nextTransactions.size(), "the comments that waited were committed in "
                + nextTransactions.size() + " transactions");
        assertNotEquals(transactionOf(first.get()), nextTransactions.iterator().next());
    }

    @Test
    void aCommentThatWaitedOverlapAfterIsWrittenBesideTheSlowBatch() throws Exception {
        String article = "overlap-" + UUID.randomUUID();
        CompletableFuture<String> first;
        CompletableFuture<String> second;
        try (SlowBatch slow = slowBatch(article)) {
            first = slow.first();
            second = submit(article, "A comment that waits longer than overlap-after");
            Thread.sleep(1_000);
            assertEquals(1, slow.inserts().waiting(), "written beside the slow batch before overlap-after");
            // Three seconds after it arrived, the other committer writes it beside the slow batch.
            slow.inserts().awaitWaiting(2);
            slow.release();
        }
        assertNotEquals(transactionOf(first.get()), transactionOf(second.get()));
    }

    @Test
    void aBatchOfOverlapSizeIsWrittenBesideTheSlowBatchAtOnce() throws Exception {
        String article = "overlap-" + UUID.randomUUID();
        List<CompletableFuture<String>> next = new ArrayList<>();
        CompletableFuture<String> first;
        try (SlowBatch slow = slowBatch(article)) {
            first = slow.first();
            long burstAt = System.nanoTime();
            for (int i = 0; i < OVERLAP_SIZE; i++) {
                next.add(submit(article, "A comment of a burst, number " + i));
            }
            // Well before overlap-after (3 s), the burst's batch is written beside the slow one.
            slow.inserts().awaitWaiting(2);
            long waitedMillis = (System.nanoTime() - burstAt) / 1_000_000;
            slow.release();
            assertTrue(waitedMillis < 2_000, "the burst waited " + waitedMillis + " ms for the slow batch");
        }
        assertFalse(transactionsOf(next).contains(transactionOf(first.get())));
    }

    /** A first comment whose batch's insert waits, until released, for the test's lock on the comment table. */
    private record SlowBatch(SlowInserts inserts, CompletableFuture<String> first) implements AutoCloseable {

        void release() throws SQLException {
            inserts.release();
        }

        @Override
        public void close() throws SQLException {
            inserts.close();
        }
    }

    private SlowBatch slowBatch(String article) throws Exception {
        SlowInserts inserts = SlowInserts.hold(database);
        CompletableFuture<String> first = submit(article, "The first comment, its batch slowed down");
        inserts.awaitWaiting(1);
        return new SlowBatch(inserts, first);
    }

    /** Submits a new comment; completes with its id once answered 201. */
    private CompletableFuture<String> submit(String article, String body) throws Exception {
        return SlowInserts.submit(comments, article, body).thenApply(response -> {
            assertEquals(201, response.statusCode(), response.body());
            try {
                return CommentBatchingTest.JSON.readTree(response.body()).path("id").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Set<String> transactionsOf(List<CompletableFuture<String>> comments) throws Exception {
        Set<String> transactions = new HashSet<>();
        for (CompletableFuture<String> comment : comments) {
            transactions.add(transactionOf(comment.get()));
        }
        return transactions;
    }

    /** The transaction that wrote the comment (its row's xmin). */
    private String transactionOf(String commentId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT xmin::text FROM comment WHERE id = ?::uuid")) {
            query.setString(1, commentId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
