package news.moderation.integrations.coral;

import static io.restassured.RestAssured.given;
import static news.moderation.integrations.coral.CoralRequests.CURRENT_SECRET;
import static news.moderation.integrations.coral.CoralRequests.PREVIOUS_SECRET;
import static news.moderation.integrations.coral.CoralRequests.body;
import static news.moderation.integrations.coral.CoralRequests.newAuthor;
import static news.moderation.integrations.coral.CoralRequests.newStory;
import static news.moderation.integrations.coral.CoralRequests.send;
import static news.moderation.integrations.coral.CoralRequests.signature;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** Coral's external moderation phase, driven with requests built and signed as Coral builds and signs them. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CoralModerationTest {

    private static final String INSULT = "You are an idiot.";

    @TestHTTPResource(CoralRequests.PATH)
    URI coral;

    @Inject
    AgroalDataSource database;

    @Test
    void aCleanCommentGetsNoOpinionAndIsStoredPublishedUnderItsStory() {
        String story = newStory();
        String author = newAuthor();
        send(body("NEW", "Thanks, this explains the budget debate well.", author, "COMMENTER", story))
                .statusCode(204).body(emptyString());

        CoralRequests.asCoralSite().get("/api/v1/articles/{story}/comments", story).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].authorId", equalTo(author))
                .body("items[0].body", equalTo("Thanks, this explains the budget debate well."));
    }

    @Test
    void aCommentForReviewIsWithheldAndFlaggedAsToxic() {
        String story = newStory();
        send(body("NEW", INSULT, newAuthor(), "COMMENTER", story))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("SYSTEM_WITHHELD"))
                .body("actions", hasSize(1))
                .body("actions[0].actionType", equalTo("FLAG"))
                .body("actions[0].reason", equalTo("COMMENT_DETECTED_TOXIC"))
                .body("moderationAction", equalTo(null));

        queue(story).body("items", hasSize(1))
                .body("items[0].comment.status", equalTo("PENDING_REVIEW"))
                .body("items[0].comment.verdict.decision", equalTo("REVIEW"));
    }

    @Test
    void aBareVerdictIsWithheldOnlyAsAReplyWhichCoralsParentIdSays() {
        String topLevel = body("NEW", "Pathetic.", newAuthor(), "COMMENTER", newStory());
        send(topLevel).statusCode(204);
        String reply = topLevel.replace("\"parentID\": null", "\"parentID\": \"coral-comment-1\"");
        send(reply).statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"))
                .body("actions[0].reason", equalTo("COMMENT_DETECTED_TOXIC"));
    }

    @Test
    void aRejectedCommentCarriesTheDigitalServicesActReason() {
        send(body("NEW", "I will find you and kill you", newAuthor(), "COMMENTER", newStory()))
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("moderationAction.status", equalTo("REJECTED"))
                .body("moderationAction.rejectionReason.code", equalTo("ABUSIVE"));
    }

    @Test
    void anHtmlBodyIsJudgedOnItsTextWithOffsetsIntoTheHtmlAsReceived() {
        String story = newStory();
        String html = "<p>Good point about taxes.</p><p>But you are an <b>id</b>iot &amp; a liar.</p>";
        send(body("NEW", html, newAuthor(), "COMMENTER", story)).statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"));

        ExtractableResponse<Response> item = queue(story).extract();
        String stored = item.path("items[0].comment.body");
        int start = item.path("items[0].comment.verdict.matches[0].start");
        int end = item.path("items[0].comment.verdict.matches[0].end");
        assertEquals(html, stored);
        assertEquals("you are an <b>id</b>iot", html.substring(start, end));
        assertEquals(html.substring(start, end), item.path("items[0].comment.verdict.matches[0].excerpt"));
    }

    @Test
    void tagsDoNotGlueWordsTogetherNorHideThem() {
        // "<br>" between words must not make one word of two; "sh<i>i</i>t" is still the word it spells.
        send(body("NEW", "Ass<br>essment", newAuthor(), "COMMENTER", newStory())).statusCode(204);
        send(body("NEW", "What a load of sh<i>i</i>t, honestly", newAuthor(), "COMMENTER", newStory()))
                .statusCode(200).body("status", equalTo("SYSTEM_WITHHELD"));
    }

    @Test
    void anEditIsJudgedAgainAndRecordedOnTheSameComment() {
        String story = newStory();
        String author = newAuthor();
        send(body("NEW", "I agree with the mayor.", author, "COMMENTER", story)).statusCode(204);
        send(body("EDIT", "I agree with the mayor. " + INSULT, author, "COMMENTER", story)).statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"));

        String id = queue(story).body("items", hasSize(1)).extract().path("items[0].comment.id");
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/history", id).then()
                .statusCode(200)
                .body("action", contains("MACHINE_VERDICT", "MACHINE_VERDICT"))
                .body("to", contains("PUBLISHED", "PENDING_REVIEW"))
                .body("note[1]", equalTo("edited by its author"));

        send(body("EDIT", "I agree with the mayor.", author, "COMMENTER", story)).statusCode(204);
        CoralRequests.asCoralSite().get("/api/v1/comments/{id}", id).then()
                .body("status", equalTo("PUBLISHED"))
                .body("body", equalTo("I agree with the mayor."));
    }

    @Test
    void anEditOfACommentThisServiceNeverSawIsStoredAsNew() {
        String story = newStory();
        send(body("EDIT", INSULT, newAuthor(), "COMMENTER", story)).statusCode(200);
        queue(story).body("items", hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "COMMENTER", "MEMBER" })
    void readersAreJudged(String role) {
        send(body("NEW", INSULT, newAuthor(), role, newStory())).statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "STAFF", "MODERATOR", "ADMIN" })
    void staffPassUnjudgedByDefault(String role) {
        String story = newStory();
        send(body("NEW", INSULT, newAuthor(), role, story)).statusCode(204);
        CoralRequests.asCoralSite().get("/api/v1/articles/{story}/comments", story).then().body("items", hasSize(0));
    }

    @Test
    void aBannedAuthorsCommentIsRejected() {
        String author = newAuthor();
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("status", "BANNED", "reason", "spam")).queryParam("siteId", CoralRequests.SITE)
                .post("/api/v1/moderation/authors/{id}/status", author).then().statusCode(200);
        send(body("NEW", "A perfectly clean remark.", author, "COMMENTER", newStory())).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("moderationAction.rejectionReason.code", equalTo("OTHER"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUSPENDED", "BANNED" })
    void anEditByASuspendedOrBannedAuthorIsRejectedAndTheCommentKeepsItsBody(String standing) {
        String story = newStory();
        String author = newAuthor();
        send(body("NEW", "I agree with the mayor.", author, "COMMENTER", story)).statusCode(204);
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("status", standing, "until", Instant.now().plusSeconds(3600).toString(), "reason", "spam"))
                .queryParam("siteId", CoralRequests.SITE)
                .post("/api/v1/moderation/authors/{id}/status", author).then().statusCode(200);

        send(body("EDIT", "Buy cheap watches at example.com", author, "COMMENTER", story)).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("moderationAction.rejectionReason.code", equalTo("OTHER"));
        CoralRequests.asCoralSite().queryParam("limit", 100).get("/api/v1/articles/{story}/comments", story).then()
                .body("items.body", contains("I agree with the mayor."));
    }

    @Test
    void aCommentLongerThanAnyThisServiceJudgesIsWithheldForCoralsModeratorsAndNotStored() {
        String story = newStory();
        String tooLong = "<p>" + "word ".repeat(2001) + "</p>"; // 10,005 characters of text
        send(body("NEW", tooLong, newAuthor(), "COMMENTER", story)).statusCode(200)
                .body("status", equalTo("SYSTEM_WITHHELD"));
        queue(story).body("items", hasSize(0));
        given().get("/api/v1/articles/{story}/comments", story).then().body("items", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "a\u0000b", "a\nb", "evil\u202egnp.exe", "zero\u200bwidth", "half \ud800", "\ufdd0" })
    void idsWithControlInvisibleOrBrokenCharactersAreRefusedNamingTheField(String id) {
        send(body("NEW", "Hello.", id, "COMMENTER", newStory())).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("id"));
        send(body("NEW", "Hello.", newAuthor(), "COMMENTER", id)).statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void anAuthorWithoutARoleIsRefusedNamingTheField() {
        String withNullRole = body("NEW", "Hello.", newAuthor(), null, newStory());
        send(withNullRole).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("role"));
        send(withNullRole.replace("\"role\": null", "\"other\": 1")).statusCode(400)
                .body("errors.field", hasItem("role"));
    }

    @Test
    void duringRotationEitherSecretIsAccepted() {
        String body = body("NEW", "Nice article.", newAuthor(), "COMMENTER", newStory());
        // Coral signs with every secret it holds: a new one we do not know yet, and our current one.
        send(body, signature(body, "empsec_rotated-in-at-coral", CURRENT_SECRET)).statusCode(204);
        // Coral still signing with the secret we are rotating out.
        send(body, signature(body, PREVIOUS_SECRET)).statusCode(204);
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedBeforeAnythingIsParsed() {
        String body = body("NEW", INSULT, newAuthor(), "COMMENTER", newStory());
        send(body, null).statusCode(401).contentType("application/problem+json");
        send(body, signature(body, "empsec_not-ours")).statusCode(401);
        send(body, "sha256=" + "0".repeat(64)).statusCode(401);
        send(body, "sha256=zz").statusCode(401);
        // The signature is over the bytes as sent: the same request re-serialised compactly does not match.
        String compact = body.replaceAll("\\n\\s*", "");
        send(compact, signature(body, CURRENT_SECRET)).statusCode(401);
        // Not JSON at all, yet unsigned: still a 401, not a parse error.
        send("not json", null).statusCode(401);
    }

    @Test
    void aSignedButMalformedRequestIsABadRequest() {
        send("{\"action\": \"NEW\"").statusCode(400).contentType("application/problem+json");
        send("{\"action\": \"NEW\", \"comment\": {\"body\": \"hi\"}}").statusCode(400)
                .contentType("application/problem+json");
        send("null").statusCode(400);
    }

    @Test
    void concurrentNewCommentsShareTheSubmissionsCommitsAndAreEachStored() throws Exception {
        String story = newStory();
        int concurrent = 40;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService threads = Executors.newFixedThreadPool(concurrent);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < concurrent; i++) {
                String body = body("NEW", i % 4 == 0 ? INSULT : "A fair point, number " + i, newAuthor(),
                        "COMMENTER", story);
                answers.add(threads.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(coral).header("Content-Type", "application/json")
                            .header("X-Coral-Signature", signature(body, CURRENT_SECRET))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
            for (int i = 0; i < concurrent; i++) {
                assertEquals(i % 4 == 0 ? 200 : 204, answers.get(i).get());
            }
        } finally {
            threads.shutdownNow();
        }
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*), count(DISTINCT c.xmin::text),
                            (SELECT count(*) FROM audit_event a JOIN comment j ON j.id = a.comment_id
                             WHERE j.article_id = ? AND a.action = 'MACHINE_VERDICT')
                     FROM comment c WHERE c.article_id = ?""")) {
            query.setString(1, story);
            query.setString(2, story);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(concurrent, row.getLong(1));
                // Stored by the commit batcher: fewer transactions than comments.
                assertTrue(row.getLong(2) < concurrent, "each of " + concurrent + " comments had its own transaction");
                assertEquals(concurrent, row.getLong(3));
            }
        }
    }

    private static ValidatableResponse queue(String story) {
        return given().auth().oauth2(Tokens.moderator()).queryParam("articleId", story)
                .get("/api/v1/moderation/queue").then().statusCode(200);
    }
}
