package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;

/** An author's edit is a new revision: judged, held if need be without hiding what was published, decided on by name. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CommentRevisionTest {

    static final String CLEAN = "Thanks for the thorough reporting on the council vote.";
    static final String INSULT = "Thanks for nothing, you are an idiot.";

    @Inject
    AgroalDataSource database;

    static ValidatableResponse edit(Sites.Site site, String id, String authorId, String body) {
        return site.call().contentType(ContentType.JSON).body(Map.of("authorId", authorId, "body", body))
                .put("/api/v1/comments/{id}", id).then();
    }

    static ValidatableResponse decide(String id, Map<String, Object> decision) {
        return given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/moderation/comments/{id}/decision", id).then();
    }

    @Test
    void aHeldEditKeepsThePublishedTextUntilAModeratorDecidesOnTheLatestRevision() throws SQLException {
        Sites.Site site = Sites.create("revisions");
        String id = site.submit(Comments.comment("article-edit", "author-edit", CLEAN)).statusCode(201)
                .body("status", equalTo("PUBLISHED")).body("revision", equalTo(1)).extract().path("id");

        edit(site, id, "author-edit", INSULT).statusCode(200)
                .body("revision", equalTo(2))
                .body("body", equalTo(INSULT))
                .body("status", equalTo("PENDING_REVIEW"))
                .body("verdict.decision", equalTo("REVIEW"))
                .body("revisedAt", org.hamcrest.Matchers.notNullValue());
        // Readers still see the published revision, not the held edit.
        site.call().get("/api/v1/articles/article-edit/comments").then().statusCode(200)
                .body("items.id", contains(id)).body("items[0].body", equalTo(CLEAN))
                .body("items[0].revision", equalTo(1));

        int version = given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .statusCode(200).body("comment.revision", equalTo(2)).extract().path("version");
        // The moderator read revision 1 (with the comment's current version): deciding on it would approve the insult.
        decide(id, Map.of("action", "APPROVE", "expectedVersion", version, "revision", 1))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("latest revision is 2"));
        decide(id, Map.of("action", "REJECT", "reasonCode", "INSULT", "expectedVersion", version, "revision", 2))
                .statusCode(200).body("comment.status", equalTo("REJECTED"));
        // Rejecting the latest revision takes the comment off the thread: it is the text the author chose to show.
        site.call().get("/api/v1/articles/article-edit/comments").then().body("items.id", not(hasItem(id)));

        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/history", id).then()
                .statusCode(200)
                .body("action", contains("MACHINE_VERDICT", "MACHINE_VERDICT", "MODERATOR_DECISION"))
                .body("revision", contains(1, 2, 2))
                .body("machineDecision", contains("ALLOW", "REVIEW", "REVIEW"))
                .body("[1].note", equalTo("edited by its author"))
                .body("[2].to", equalTo("REJECTED"));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/revisions", id).then()
                .statusCode(200)
                .body("revision", contains(1, 2))
                .body("latest", contains(false, true))
                .body("body", contains(CLEAN, INSULT))
                .body("status", contains("PUBLISHED", "REJECTED"))
                .body("verdict.decision", contains("ALLOW", "REVIEW"))
                .body("[1].verdict.matches.excerpt", hasItem("idiot"));
        // Webhook receivers learn which revision each judgement was of.
        assertEquals(List.of("1 false", "2 true"), judgedEvents(id));
        // A rejected comment stays rejected: it is not edited into publication.
        edit(site, id, "author-edit", CLEAN + " Edited.").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void approvingTheLatestRevisionPublishesItAndADecisionWithoutARevisionIsOnTheLatest() {
        Sites.Site site = Sites.create("revisions");
        String id = site.submitted("article-approve-edit", "author-approve-edit", CLEAN);
        edit(site, id, "author-approve-edit", INSULT).statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        // A decision quoting a version the moderator saw before the edit is stale too.
        decide(id, Map.of("action", "APPROVE", "expectedVersion", 0)).statusCode(409);
        int version = given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .extract().path("version");
        decide(id, Map.of("action", "APPROVE", "reasonCode", "ACCEPTABLE", "expectedVersion", version))
                .statusCode(200).body("comment.status", equalTo("PUBLISHED")).body("comment.revision", equalTo(2));
        site.call().get("/api/v1/articles/article-approve-edit/comments").then()
                .body("items[0].body", equalTo(INSULT)).body("items[0].revision", equalTo(2));
    }

    @Test
    void aCleanEditOfAPublishedCommentIsPublishedAtOnceAndARetryStoresNothing() {
        Sites.Site site = Sites.create("revisions");
        String id = site.submitted("article-fix", "author-fix", CLEAN);
        String fixed = CLEAN + " (Corrected the date.)";
        edit(site, id, "author-fix", fixed).statusCode(200).body("revision", equalTo(2))
                .body("status", equalTo("PUBLISHED"));
        edit(site, id, "author-fix", fixed).statusCode(200).body("revision", equalTo(2));
        site.call().get("/api/v1/articles/article-fix/comments").then()
                .body("items[0].body", equalTo(fixed)).body("items[0].revision", equalTo(2));
        site.call().get("/api/v1/comments/{id}", id).then().body("revision", equalTo(2)).body("body", equalTo(fixed));
    }

    @Test
    void aReportedCommentStaysInTheQueueWhenItsAuthorEditsIt() {
        Sites.Site site = Sites.create("revisions");
        String id = site.submitted("article-reported-edit", "author-reported-edit", CLEAN);
        for (String reader : List.of("reader-1", "reader-2", "reader-3")) {
            site.call().contentType(ContentType.JSON).body(Map.of("reporterId", reader, "reason", "spam"))
                    .post("/api/v1/comments/{id}/reports", id).then().statusCode(201);
        }
        edit(site, id, "author-reported-edit", CLEAN + " Nothing to see.").statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("REPORTED"));
        site.call().get("/api/v1/articles/article-reported-edit/comments").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyItsAuthorOnItsSiteWithinTheEditWindowMayEdit() throws SQLException {
        Sites.Site site = Sites.create("revisions");
        Sites.Site other = Sites.create("revisions-other");
        String id = site.submitted("article-who", "author-who", CLEAN);

        edit(other, id, "author-who", CLEAN + " Again.").statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.scoped("sam", "moderator", List.of(other.id())))
                .get("/api/v1/moderation/comments/{id}/revisions", id).then().statusCode(404);
        edit(site, id, "someone-else", CLEAN + " Again.").statusCode(403).contentType("application/problem+json");
        edit(site, UUID.randomUUID().toString(), "author-who", CLEAN).statusCode(404);
        edit(site, id, "author-who", "").statusCode(400).body("errors.field", hasItem("body"));
        edit(site, id, "author-who", "x".repeat(10_001)).statusCode(400);
        site.call().contentType(ContentType.JSON).body(Map.of("authorId", "author-who", "body", "Hi", "status",
                "PUBLISHED")).put("/api/v1/comments/{id}", id).then().statusCode(400);

        writtenAnHourAgo(id);
        edit(site, id, "author-who", CLEAN + " Again.").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("edit window"));
        site.call().get("/api/v1/comments/{id}", id).then().body("revision", equalTo(1)).body("body", equalTo(CLEAN));
    }

    private void writtenAnHourAgo(String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE comment SET created_at = now() - interval '1 hour' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }

    /** "revision edited" of each comment.judged event of the comment, in order. */
    private List<String> judgedEvents(String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT payload->>'revision', "
                        + "payload->>'edited' FROM domain_event WHERE comment_id = ? AND type = 'comment.judged' "
                        + "ORDER BY seq")) {
            query.setObject(1, UUID.fromString(id));
            List<String> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return events;
        }
    }
}
