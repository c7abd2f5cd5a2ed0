package news.moderation.comments;

import static io.restassured.RestAssured.given;
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
import io.restassured.http.ContentType;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/**
 * The commit batcher through the HTTP API on a real PostgreSQL: concurrent submissions share transactions, each is
 * stored with its event, audit entry, statement of reasons and webhook deliveries (each kind written once per batch),
 * and a comment that cannot be stored fails alone.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CommentBatchingTest {

    private static final int CONCURRENT = 40;
    private static final String POISON = "A poison pill the database refuses in this test only";

    private static final String RETRIED = "The same comment, sent again and again";
    /** The comment rows, their outbox events, and the tables the observers of a new comment's judgement write. */
    private static final List<String> OBSERVED_TABLES = List.of("comment", "domain_event", "audit_event",
            "statement_of_reasons", "webhook_delivery");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    void aBatchWritesItsEventsAuditEntriesStatementsAndWebhookDeliveriesInOneQuery() throws Exception {
        Site site = Sites.create("batch-observers");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", site.id(), "url", "http://127.0.0.1:9/batch-hook",
                        "eventTypes", List.of("comment.judged")))
                .post("/api/v1/admin/webhooks").then().statusCode(201);
        String article = "batch-observers-" + UUID.randomUUID();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // Every INSERT statement into these tables logs its transaction and the query the client sent for it,
            // however many rows it writes.
            statement.execute("CREATE TABLE batching_test_insert (table_name text NOT NULL, xid text NOT NULL,"
                    + " query text NOT NULL)");
            statement.execute("""
                    CREATE FUNCTION batching_test_log_insert() RETURNS trigger AS $$
                    BEGIN
                        INSERT INTO batching_test_insert VALUES (TG_TABLE_NAME, txid_current()::text, current_query());
                        RETURN NULL;
                    END; $$ LANGUAGE plpgsql""");
            for (String table : OBSERVED_TABLES) {
                statement.execute("CREATE TRIGGER batching_test_log_insert AFTER INSERT ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION batching_test_log_insert()");
            }
        }
        try {
            List<Callable<Answer>> submissions = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                // Every fourth is held for review: a statement of reasons; every one is owed to the webhook.
                String body = i % 4 == 0 ? "You are a complete moron, number " + i : "A fine article, reader " + i;
                submissions.add(() -> submit(site.key(), article, "reader-" + UUID.randomUUID(), body, null));
            }
            List<UUID> ids = new ArrayList<>();
            for (Answer answer : all(submissions)) {
                assertEquals(201, answer.status(), answer.body().toString());
                ids.add(UUID.fromString(answer.id()));
            }
            try (Connection connection = database.getConnection()) {
                assertEquals(CONCURRENT, count(connection, "SELECT count(*) FROM audit_event"
                        + " WHERE action = 'MACHINE_VERDICT' AND comment_id = ANY(?)", ids));
                assertEquals(CONCURRENT / 4, count(connection, "SELECT count(*) FROM statement_of_reasons"
                        + " WHERE comment_id = ANY(?)", ids));
                assertEquals(CONCURRENT, count(connection, "SELECT count(*) FROM webhook_delivery"
                        + " WHERE event_type = 'comment.judged' AND comment_id = ANY(?)", ids));
                long transactions = count(connection, "SELECT count(DISTINCT xmin::text) FROM comment"
                        + " WHERE id = ANY(?)", ids);
                assertTrue(transactions < CONCURRENT,
                        "each of " + CONCURRENT + " comments had a transaction of its own");
                for (String table : OBSERVED_TABLES) {
                    // At most one INSERT per table and transaction, however many comments the transaction stored.
                    assertEquals(0, count(connection, "SELECT count(*) - count(DISTINCT xid) FROM batching_test_insert"
                            + " WHERE table_name = '" + table + "' AND xid IN (SELECT xmin::text FROM comment"
                            + " WHERE id = ANY(?))", ids), table);
                }
                // The outbox events and what their observers write are one query per transaction: one round trip.
                assertEquals(0, count(connection, "SELECT count(*) FROM (SELECT xid FROM batching_test_insert"
                        + " WHERE table_name <> 'comment' AND xid IN (SELECT xmin::text FROM comment WHERE id = ANY(?))"
                        + " GROUP BY xid HAVING count(DISTINCT query) > 1) AS split", ids));
            }
        } finally {
            try (Connection connection = database.getConnection();
                 Statement statement = connection.createStatement()) {
                for (String table : OBSERVED_TABLES) {
                    statement.execute("DROP TRIGGER batching_test_log_insert ON " + table);
                }
                statement.execute("DROP FUNCTION batching_test_log_insert()");
                statement.execute("DROP TABLE batching_test_insert");
            }
        }
    }

    @Test
    void repliesInABatchAreCheckedAgainstTheirParentsAndAWrongParentFailsAlone() throws Exception {
        String article = "batch-replies-" + UUID.randomUUID();
        String parent = Comments.submitted(article, "parent-author", "The first comment of the thread");
        String elsewhere = Comments.submitted("other-" + article, "parent-author", "A comment on another article");
        String anotherSites = Sites.create("batch-replies").submitted(article, "parent-author", "Another site's");
        List<String> parents = List.of(parent, elsewhere, anotherSites, UUID.randomUUID().toString());
        List<Callable<Answer>> replies = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String parentId = parents.get(i % parents.size());
            String body = "A reply, number " + i;
            replies.add(() -> submit(null, article, "reader-" + UUID.randomUUID(), body, null,
                    Map.of("parentId", parentId)));
        }
        List<Answer> answers = all(replies);

        for (int i = 0; i < CONCURRENT; i++) {
            Answer answer = answers.get(i);
            if (i % parents.size() == 0) {
                assertEquals(201, answer.status(), answer.body().toString());
                assertEquals(parent, answer.body().path("parentId").asText());
            } else {
                // Another article's, another site's or no comment at all: the same answer, for that reply alone.
                assertEquals(422, answer.status(), answer.body().toString());
                assertEquals("parentId", answer.body().path("errors").path(0).path("field").asText());
            }
        }
        try (Connection connection = database.getConnection()) {
            assertEquals(CONCURRENT / parents.size(), count(connection,
                    "SELECT count(*) FROM comment WHERE article_id = ? AND parent_id IS NOT NULL", article));
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
        return submit(null, article, author, body, idempotencyKey);
    }

    private Answer submit(String apiKey, String article, String author, String body, String idempotencyKey)
            throws Exception {
        return submit(apiKey, article, author, body, idempotencyKey, Map.of());
    }

    /** As the site of {@code apiKey} (the default site when null), with {@code fields} added to the comment. */
    private Answer submit(String apiKey, String article, String author, String body, String idempotencyKey,
            Map<String, Object> fields) throws Exception {
        Map<String, Object> comment = new HashMap<>(Comments.comment(article, author, body));
        comment.putAll(fields);
        HttpRequest.Builder request = HttpRequest.newBuilder(comments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(comment)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
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
