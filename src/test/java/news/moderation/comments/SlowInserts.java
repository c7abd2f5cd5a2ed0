package news.moderation.comments;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.agroal.api.AgroalDataSource;

/**
 * Slow batches for the committers' tests: while held, a lock on the comment table makes every batch's comment insert
 * wait for it (the batches' reads do not), so a test can submit comments while a batch is being written.
 */
final class SlowInserts implements AutoCloseable {

    private final AgroalDataSource database;
    private final Connection lock;

    private SlowInserts(AgroalDataSource database, Connection lock) {
        this.database = database;
        this.lock = lock;
    }

    static SlowInserts hold(AgroalDataSource database) throws SQLException {
        Connection lock = database.getConnection();
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("LOCK TABLE comment IN SHARE MODE");
        }
        return new SlowInserts(database, lock);
    }

    /** Lets the waiting inserts go on. */
    void release() throws SQLException {
        lock.rollback();
    }

    @Override
    public void close() throws SQLException {
        lock.close();
    }

    /** The batches whose comment insert waits for the lock, one per committer writing. */
    long waiting() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type"
                        + " = 'Lock' AND query LIKE '%INSERT INTO comment %'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    void awaitWaiting(long expected) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (waiting() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + expected + " batches waiting for the lock within 20 s");
            }
            Thread.sleep(20);
        }
    }

    /** Submits a new comment of a new reader to the article, without waiting for the answer. */
    static CompletableFuture<HttpResponse<String>> submit(URI comments, String article, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(comments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CommentBatchingTest.JSON.writeValueAsString(
                        Comments.comment(article, "reader-" + UUID.randomUUID(), body))))
                .build();
        return CommentBatchingTest.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
