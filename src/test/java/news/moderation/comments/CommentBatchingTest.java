package news.moderation.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/**
 * The commit batcher through the HTTP API on a real PostgreSQL: concurrent submissions share transactions, each is
 * stored with its event and audit entry, and a comment that cannot be stored fails alone.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CommentBatchingTest {

    private static final int CONCURRENT = 40;
    private static final String POISON = "A poison pill the database refuses in this test only";

    private static final String RETRIED = "The same comment, sent again and again";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/api/v1/comments")
    URI comments;

    @Inject
    AgroalDataSource database;

    private record Answer(int status, JsonNode body, boolean replayed) {
        String id() {
            return body.path("id").asText();
        }
    }

    @Test
    void concurrentSubmissionsShareTransactionsAndAreAllStoredWithTheirEvents() throws Exception {
        String article = "batch-" + UUID.randomUUID();
        List<Callable<Answer>> submissions = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String body = i % 4 == 0 ? "You are a complete moron, number " + i : "A fine article, reader " + i;
            submissions.add(() -> submit(article, body, null));
        }
        List<Answer> answers = all(submissions);

        List<UUID> ids = new ArrayList<>();
        for (Answer answer : answers) {
            assertEquals(201, answer.status(), answer.body().toString());
            ids.add(UUID.fromString(answer.id()));
        }
        assertEquals(CONCURRENT, ids.stream().distinct().count());
        try (Connection connection = database.getConnection()) {
            assertEquals(CONCURRENT, count(connection, "SELECT count(*) FROM comment WHERE id = ANY(?)", ids));
            // Each comment has its one event in the outbox and its one machine verdict in the audit trail.
            assertEquals(CONCURRENT, count(connection, "SELECT count(DISTINCT comment_id) FROM domain_event"
                    + " WHERE type = 'comment.judged' AND comment_id = ANY(?)", ids));
            assertEquals(CONCURRENT, count(connection, "SELECT count(*) FROM domain_event"
                    + " WHERE type = 'comment.judged' AND comment_id = ANY(?)", ids));
            assertEquals(CONCURRENT, count(connection, "SELECT count(*) FROM audit_event"
                    + " WHERE action = 'MACHINE_VERDICT' AND comment_id = ANY(?)", ids));
            // Rows written by one transaction carry its id (xmin): fewer transactions than comments means shared commits.
            long transactions = count(connection, "SELECT count(DISTINCT xmin::text) FROM comment WHERE id = ANY(?)",
                    ids);
            assertTrue(transactions < CONCURRENT, "each of " + CONCURRENT + " comments had a transaction of its own");
        }
        // What a 201 answered is what is stored.
        for (Answer answer : answers) {
            JsonNode stored = JSON.readTree(HTTP.send(HttpRequest.newBuilder(comments.resolve(
                    "/api/v1/comments/" + answer.id())).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(answer.body(), stored);
        }
    }

    @Test
    void aCommentTheDatabaseRefusesFailsAloneAndTheOthersAreStored() throws Exception {
        String article = "batch-poison-" + UUID.randomUUID();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE comment ADD CONSTRAINT batching_test_poison CHECK (body <> '" + POISON
                    + "') NOT VALID");
        }
        try {
            List<Callable<Answer>> submissions = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                String body = i == CONCURRENT / 2 ? POISON : "A fine article, reader " + i;
                submissions.add(() -> submit(article, body, null));
            }
            List<Answer> answers = all(submissions);

            List<UUID> stored = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                if (i == CONCURRENT / 2) {
                    assertEquals(500, answers.get(i).status(), answers.get(i).body().toString());
                } else {
                    assertEquals(201, answers.get(i).status(), answers.get(i).body().toString());
                    stored.add(UUID.fromString(answers.get(i).id()));
                }
            }
            try (Connection connection = database.getConnection()) {
                assertEquals(CONCURRENT - 1, count(connection, "SELECT count(*) FROM comment WHERE id = ANY(?)",
                        stored));
                assertEquals(CONCURRENT - 1, count(connection, "SELECT count(*) FROM domain_event"
                        + " WHERE type = 'comment.judged' AND comment_id = ANY(?)", stored));
                assertEquals(CONCURRENT - 1, count(connection, "SELECT count(*) FROM comment WHERE article_id = ?",
                        article));
            }
        } finally {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE comment DROP CONSTRAINT batching_test_poison");
            }
        }
    }

    @Test
    void aTakenIdempotencyKeyInABatchFailsOnlyItsOwnSubmissions() throws Exception {
        String article = "batch-keys-" + UUID.randomUUID();
        String key = "batch-key-" + UUID.randomUUID();
        List<Callable<Answer>> submissions = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            int n = i;
            if (i % 8 == 0) {
                submissions.add(() -> submit(article, "the-retrying-reader", RETRIED, key)); // retries of one comment
            } else if (i % 8 == 1) {
                submissions.add(() -> submit(article, "Another comment under a taken key " + n, key));
            } else {
                submissions.add(() -> submit(article, "A fine article, reader " + n, null));
            }
        }
        List<Answer> answers = all(submissions);

        // Whichever submission took the key first won it: those with its body replay its comment, the others are 422.
        List<Answer> withKey = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            if (i % 8 <= 1) {
                withKey.add(answers.get(i));
            } else {
                assertEquals(201, answers.get(i).status(), answers.get(i).body().toString());
            }
        }
        List<Answer> accepted = withKey.stream().filter(answer -> answer.status() == 201).toList();
        assertEquals(1, accepted.stream().map(Answer::id).distinct().count(), "every retry answers the one comment");
        assertEquals(1, accepted.stream().filter(answer -> !answer.replayed()).count(), "one of them created it");
        String winningBody = accepted.get(0).body().path("body").asText();
        for (Answer answer : withKey) {
            if (answer.status() != 201) {
                assertEquals(422, answer.status(), answer.body().toString());
            }
        }
        // The retried comment's submissions all get it when one of them won; a one-off comment that won gets it alone.
        assertEquals(winningBody.equals(RETRIED) ? CONCURRENT / 8 : 1, accepted.size());
        try (Connection connection = database.getConnection()) {
            assertEquals(CONCURRENT - CONCURRENT / 8 * 2 + 1, count(connection,
                    "SELECT count(*) FROM comment WHERE article_id = ?", article));
            assertEquals(1, count(connection, "SELECT count(*) FROM domain_event WHERE type = 'comment.judged'"
                    + " AND comment_id = ?", UUID.fromString(accepted.get(0).id())));
        }
    }

    private Answer submit(String article, String body, String idempotencyKey) throws Exception {
        return submit(article, "reader-" + UUID.randomUUID(), body, idempotencyKey);
    }

    private Answer submit(String article, String author, String body, String idempotencyKey) throws Exception {
        Map<String, Object> comment = new HashMap<>(Comments.comment(article, author, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(comments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(comment)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()),
                response.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    /** Runs the submissions at the same moment, so that they reach the batcher together; answers in their order. */
    private static List<Answer> all(List<Callable<Answer>> submissions) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(submissions.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (Callable<Answer> submission : submissions) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return submission.call();
                }));
            }
            start.countDown();
            List<Answer> result = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter instanceof List<?> ids) {
                Array array = connection.createArrayOf("uuid", ids.toArray());
                query.setArray(1, array);
            } else {
                query.setObject(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
