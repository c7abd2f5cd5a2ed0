package news.moderation.authors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.comments.Comments;
import news.moderation.integrations.perspective.PerspectiveClient;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** After erasure nothing stored still says what the author wrote or what they are called. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthorErasureTest {

    @Inject
    AgroalDataSource database;

    @Test
    void nothingInAnyTextColumnQuotesAnErasedAuthor() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String author = "author-erased-" + suffix;
        String name = "Zebulon Quillfeather " + suffix;
        String words = "purple walrus Xyzzyplugh " + suffix;
        String body = "My secret: the " + words + " lives at my house.";
        String key = "erase-key-" + suffix;

        Map<String, Object> comment = Comments.comment("article-erasure", author, body);
        comment.put("authorName", name);
        String published = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(comment)
                .post("/api/v1/comments").then().statusCode(201).extract().path("id");
        Map<String, Object> insult = Comments.comment("article-erasure", author, "you are a moron, " + words);
        insult.put("authorName", name);
        String held = Comments.submit(insult).statusCode(201).body("status", equalTo("PENDING_REVIEW"))
                .extract().path("id");

        // The author edits it: the revision the edit replaces keeps their first words.
        given().contentType(ContentType.JSON).body(Map.of("authorId", author, "body", "Edited. " + body))
                .put("/api/v1/comments/{id}", published).then().statusCode(200).body("revision", equalTo(2));
        // Readers quote the author in their reports; the author reports someone else in their own words.
        given().contentType(ContentType.JSON).body(Map.of("reporterId", "reader-1", "reason", "says " + words))
                .post("/api/v1/comments/{id}/reports", published).then().statusCode(201);
        String other = Comments.submitted("article-erasure", "someone-else-" + suffix, "Nice weather.");
        given().contentType(ContentType.JSON).body(Map.of("reporterId", author, "reason", "I, " + name + ", object"))
                .post("/api/v1/comments/{id}/reports", other).then().statusCode(201);
        // Moderators' notes and the standing's reason quote them too.
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "REJECT", "reasonCode", "INSULT", "note", name + " wrote " + words,
                        "expectedVersion", 0))
                .post("/api/v1/moderation/comments/{id}/decision", held).then().statusCode(200);
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("status", "PREMODERATED", "reason", "after '" + words + "'"))
                .post("/api/v1/moderation/authors/{a}/status", author).then().statusCode(200);
        // A Perspective client's clientToken may quote the author: it must never be stored.
        PerspectiveClient.post("/v1alpha1/comments:suggestscore", PerspectiveClient.newKey(), """
                {"comment":{"text":"you are a moron"},"attributeScores":{"TOXICITY":{"summaryScore":{"value":1}}},
                 "clientToken":%s}""".formatted(PerspectiveClient.quoted(name + ": " + words))).statusCode(200);
        assertTrue(columnsHolding(words).size() >= 4, "the set-up stores the author's words: " + columnsHolding(words));

        long vacuumsBefore = vacuums("comment");
        given().auth().oauth2(Tokens.admin()).queryParam("siteId", "default")
                .delete("/api/v1/moderation/authors/{a}", author).then()
                .statusCode(200).body("commentsErased", equalTo(2)).body("siteId", equalTo("default"));

        assertEquals(List.of(), columnsHolding(words));
        assertEquals(List.of(), columnsHolding(name));
        assertTrue(vacuums("comment") > vacuumsBefore, "the touched tables were vacuumed");
        // Replaying the idempotency key with the guessed original no longer confirms what the author wrote.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(comment)
                .post("/api/v1/comments").then().statusCode(422);
        // What happened stays: statuses, counts, the standing.
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/authors/{a}", author).then()
                .body("standing", equalTo("PREMODERATED"))
                .body("counts.PUBLISHED", equalTo(1))
                .body("counts.REJECTED", equalTo(1));
    }

    @Test
    void theAuditTrailStaysAppendOnlyExceptThatANoteMayBeBlanked() throws SQLException {
        String author = "author-audit-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("status", "PREMODERATED", "reason", "a note to blank"))
                .post("/api/v1/moderation/authors/{a}/status", author).then().statusCode(200);
        String event = "(SELECT id FROM audit_event WHERE author_id = '" + author + "')";
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String forbidden : List.of("UPDATE audit_event SET actor = 'mallory' WHERE id = " + event,
                    "UPDATE audit_event SET note = 'rewritten' WHERE id = " + event,
                    "UPDATE audit_event SET note = NULL, to_state = 'BANNED' WHERE id = " + event,
                    "DELETE FROM audit_event WHERE id = " + event)) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.executeUpdate(forbidden));
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
            assertEquals(1, statement.executeUpdate("UPDATE audit_event SET note = NULL WHERE id = " + event));
        }
    }

    /** Every text, varchar and jsonb column of every table in the public schema that holds {@code needle}. */
    private List<String> columnsHolding(String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet columns = connection.createStatement().executeQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')""")) {
            while (columns.next()) {
                String column = "\"" + columns.getString(1) + "\".\"" + columns.getString(2) + "\"";
                try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM "
                        + "\"" + columns.getString(1) + "\" WHERE CAST(\"" + columns.getString(2)
                        + "\" AS text) LIKE '%' || ? || '%'")) {
                    query.setString(1, needle);
                    try (ResultSet count = query.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(column);
                        }
                    }
                }
            }
        }
        return found;
    }

    private long vacuums(String table) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
