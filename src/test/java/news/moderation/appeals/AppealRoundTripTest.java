package news.moderation.appeals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import news.moderation.events.DomainEvent;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;
import news.moderation.webhooks.Receiver;
import news.moderation.webhooks.Signatures;

/**
 * Appeals through the HTTP API on real PostgreSQL, with the site's webhook receiver on loopback: a moderator's
 * removal appealed by the author and reversed by another moderator publishes the comment again, ends its statement,
 * extends its history and tells the site; the moderator who removed it cannot decide the appeal; another site can
 * neither see nor appeal it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AppealRoundTripTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String APPELLANT_REASON = "I only quoted the mayor's own words";
    private static final String REPLY = "On review the comment criticises a public statement; it is restored.";

    static String token(String moderator) {
        return Tokens.of(moderator, "moderator");
    }

    static void reject(String commentId, String moderator) {
        int version = given().auth().oauth2(token(moderator)).get("/api/v1/moderation/comments/{id}", commentId)
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(token(moderator)).contentType(ContentType.JSON)
                .body(Map.of("action", "REJECT", "reasonCode", "INSULT", "expectedVersion", version))
                .post("/api/v1/moderation/comments/{id}/decision", commentId).then().statusCode(200);
    }

    static ValidatableResponse appeal(Site site, String commentId, String reason) {
        return site.call().contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/comments/{id}/appeals", commentId).then();
    }

    static ValidatableResponse decide(String appealId, String moderator, String outcome, String reply) {
        return given().auth().oauth2(token(moderator)).contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome, "reply", reply))
                .post("/api/v1/moderation/appeals/{id}/decision", appealId).then();
    }

    @Test
    void aRemovalAppealedAndReversedByAnotherModeratorPublishesTheCommentAndTellsTheSite() {
        Site site = Sites.create("appeals");
        Site otherSite = Sites.create("appeals-other");
        try (Receiver receiver = new Receiver()) {
            String secret = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("siteId", site.id(), "url", receiver.url(), "eventTypes", DomainEvent.TYPES))
                    .post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("secret");
            String commentId = site.submitted("appeals-article", "appeals-author", "you are a moron");
            reject(commentId, "alice");

            // Another site's key: the comment does not exist for it.
            appeal(otherSite, commentId, APPELLANT_REASON).statusCode(404)
                    .contentType("application/problem+json");

            String appealId = appeal(site, commentId, APPELLANT_REASON).statusCode(201)
                    .header("Location", containsString("/api/v1/appeals/"))
                    .body("status", equalTo("OPEN")).body("appellant", equalTo("AUTHOR"))
                    .extract().path("id");
            appeal(site, commentId, "once more").statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("already appealed"));
            otherSite.call().get("/api/v1/appeals/{id}", appealId).then().statusCode(404);

            // The queue shows the complaint and whose decision it contests; a moderator of another site sees none.
            given().auth().oauth2(token("bob")).get("/api/v1/moderation/appeals").then().statusCode(200)
                    .body("items.find { it.id == '%s' }.contestedBy".formatted(appealId), equalTo("alice"))
                    .body("items.find { it.id == '%s' }.reason".formatted(appealId), equalTo(APPELLANT_REASON))
                    .body("items.find { it.id == '%s' }.comment.status".formatted(appealId), equalTo("REJECTED"));
            String otherSitesModerator = Tokens.scoped("carol", "moderator", List.of(otherSite.id()));
            given().auth().oauth2(otherSitesModerator).get("/api/v1/moderation/appeals").then().statusCode(200)
                    .body("items.id", not(hasItem(appealId)));
            given().auth().oauth2(otherSitesModerator).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "REVERSE", "reply", REPLY))
                    .post("/api/v1/moderation/appeals/{id}/decision", appealId).then().statusCode(404);

            // The moderator who removed it may not decide the appeal.
            decide(appealId, "alice", "REVERSE", REPLY).statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("another moderator decides the appeal"));

            decide(appealId, "bob", "REVERSE", REPLY).statusCode(200).body("status", equalTo("REVERSED"))
                    .body("decidedBy", equalTo("bob")).body("comment.status", equalTo("PUBLISHED"));
            decide(appealId, "dave", "UPHOLD", REPLY).statusCode(409);

            // The comment is published again, on its thread too.
            site.call().get("/api/v1/comments/{id}", commentId).then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"));
            site.call().get("/api/v1/articles/appeals-article/comments").then().statusCode(200)
                    .body("items.id", hasItem(commentId));
            site.call().get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                    .body("status", equalTo("REVERSED")).body("reply", equalTo(REPLY));
            // Its removal's statement of reasons ended with the reversal.
            site.call().get("/api/v1/comments/{id}/statement", commentId).then().statusCode(200)
                    .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED")))
                    .body("end_date_visibility_restriction", notNullValue());
            // The history names the reversal as the appeal's decision, its moderator and reply.
            JsonPath history = given().auth().oauth2(token("bob"))
                    .get("/api/v1/moderation/comments/{id}/history", commentId).then().statusCode(200)
                    .extract().jsonPath();
            int last = history.getList("").size() - 1;
            assertEquals("APPEAL_DECISION", history.getString("[" + last + "].action"));
            assertEquals(appealId, history.getString("[" + last + "].appealId"));
            assertEquals("bob", history.getString("[" + last + "].actor"));
            assertEquals("REJECTED", history.getString("[" + last + "].from"));
            assertEquals("PUBLISHED", history.getString("[" + last + "].to"));
            assertEquals(REPLY, history.getString("[" + last + "].note"));

            // The site hears of all of it, signed, in the order it happened; the appellant's words stay out.
            List<Receiver.Received> received = receiver.await(r -> r.stream()
                    .anyMatch(e -> e.json().get("type").asText().equals("appeal.decided")), PATIENCE);
            for (Receiver.Received r : received) {
                assertTrue(Signatures.verifies(r.signature(), r.body(), secret), r.body());
                assertFalse(r.body().contains(APPELLANT_REASON), r.body());
            }
            // At least once: a repeat carries its event's id, so the first arrival of each id counts.
            List<JsonNode> events = received.stream().map(Receiver.Received::json)
                    .collect(Collectors.toMap(e -> e.get("id").asText(), e -> e, (first, repeat) -> first))
                    .values().stream().sorted(Comparator.comparingLong(e -> e.get("sequence").asLong())).toList();
            assertEquals(List.of("comment.judged", "comment.status_changed", "appeal.filed",
                    "comment.status_changed", "appeal.decided"),
                    events.stream().map(e -> e.get("type").asText()).toList());
            JsonNode filed = events.get(2).get("data");
            assertEquals(appealId, filed.get("appealId").asText());
            assertEquals("alice", filed.get("contestedBy").asText());
            JsonNode restored = events.get(3).get("data");
            assertEquals("APPEAL_DECISION", restored.get("cause").asText());
            assertEquals("REJECTED", restored.get("fromStatus").asText());
            assertEquals("PUBLISHED", restored.get("toStatus").asText());
            JsonNode decided = events.get(4).get("data");
            assertEquals("REVERSED", decided.get("outcome").asText());
            assertEquals("bob", decided.get("actor").asText());
            assertEquals(REPLY, decided.get("note").asText());
        }
    }

    @Test
    void aMachineRemovalIsDecidedByAnyModeratorAndAnUpheldOneStaysRemoved() {
        Site site = Sites.create("appeals-machine");
        String commentId = site.submitted("appeals-machine-article", "machine-author", "fuck you");
        String appealId = appeal(site, commentId, "It was a joke between friends").statusCode(201)
                .extract().path("id");
        given().auth().oauth2(token("erin")).get("/api/v1/moderation/appeals/{id}", appealId).then()
                .statusCode(200).body("contestedBy", equalTo(DomainEvent.SYSTEM))
                .body("ruleIds", not(List.of()));
        decide(appealId, "erin", "UPHOLD", "The comment insults another reader; the removal stands.")
                .statusCode(200).body("status", equalTo("UPHELD")).body("comment.status", equalTo("REJECTED"));
        site.call().get("/api/v1/comments/{id}", commentId).then().body("status", equalTo("REJECTED"));
    }

    @Test
    void onlyARemovedCommentCanBeAppealedAndTheRequestIsChecked() {
        Site site = Sites.create("appeals-checks");
        String published = site.submitted("appeals-checks-article", "checks-author", "A calm comment.");
        appeal(site, published, "why").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Only a removed comment can be appealed"));
        String held = site.submitted("appeals-checks-article", "checks-author", "you are a moron");
        appeal(site, held, "why").statusCode(409).body("detail", containsString("waiting for a moderator"));
        site.call().contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/comments/{id}/appeals", published).then().statusCode(400)
                .body("errors[0].field", containsString("reason"));
        site.call().contentType(ContentType.JSON).body(Map.of("reason", "x", "status", "REVERSED"))
                .post("/api/v1/comments/{id}/appeals", published).then().statusCode(400);
        given().auth().oauth2(token("frank")).queryParam("status", "MAYBE").get("/api/v1/moderation/appeals").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("frank")).queryParam("limit", "0").get("/api/v1/moderation/notices").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("frank")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHOLD"))
                .post("/api/v1/moderation/appeals/{id}/decision", UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", containsString("reply"));
        given().auth().oauth2(token("frank")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "MAYBE", "reply", "r"))
                .post("/api/v1/moderation/appeals/{id}/decision", UUID.randomUUID()).then()
                .statusCode(400);
        given().auth().oauth2(token("frank")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "UPHOLD", "reply", "r"))
                .post("/api/v1/moderation/appeals/{id}/decision", UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void erasingTheAuthorBlanksTheTextsOfAppealsAndNoticesAboutTheirComments() {
        Site site = Sites.create("appeals-erasure");
        String author = "erased-appellant-" + UUID.randomUUID();
        String commentId = site.submitted("appeals-erasure-article", author, "fuck you");
        String noticeId = site.call().contentType(ContentType.JSON)
                .body(Map.of("notifierName", "N", "notifierEmail", "n@example.org",
                        "explanation", "It says fuck you to me", "legalGround", "Insult law", "goodFaith", true))
                .post("/api/v1/comments/{id}/notices", commentId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("olga")).contentType(ContentType.JSON)
                .body(Map.of("action", "NO_ACTION", "reply", "Already removed by the rules."))
                .post("/api/v1/moderation/notices/{id}/decision", noticeId).then().statusCode(200);
        String appealId = appeal(site, commentId, "My words were: fuck you, friend").statusCode(201)
                .extract().path("id");
        decide(appealId, "olga", "UPHOLD", "You wrote fuck you; it stays removed.").statusCode(200);

        given().auth().oauth2(Tokens.admin()).queryParam("siteId", site.id())
                .delete("/api/v1/moderation/authors/{a}", author).then().statusCode(200);

        given().auth().oauth2(token("olga")).get("/api/v1/moderation/appeals/{id}", appealId).then()
                .statusCode(200).body("reason", equalTo("[erased]")).body("reply", equalTo(null))
                .body("status", equalTo("UPHELD")).body("contestedBy", equalTo(DomainEvent.SYSTEM));
        given().auth().oauth2(token("olga")).get("/api/v1/moderation/notices/{id}", noticeId).then()
                .statusCode(200).body("explanation", equalTo("[erased]")).body("reply", equalTo(null))
                .body("status", equalTo("NO_ACTION"));
    }
}
