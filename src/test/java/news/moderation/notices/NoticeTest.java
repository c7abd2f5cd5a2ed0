package news.moderation.notices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;
import news.moderation.webhooks.Receiver;
import news.moderation.webhooks.Signatures;

/**
 * Notices of illegal content through the HTTP API on real PostgreSQL: acknowledged at once with a receipt, queued,
 * decided with a reply that reaches the site as an event; acting removes the comment, and a notifier's appeal against
 * no action, reversed by another moderator, acts after all.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NoticeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NOTIFIER = "Nora Notifier";
    private static final String NOTIFIER_EMAIL = "nora@example.org";
    private static final String EXPLANATION = "The comment calls for violence against a named person.";

    static Map<String, Object> notice() {
        Map<String, Object> notice = new HashMap<>();
        notice.put("notifierName", NOTIFIER);
        notice.put("notifierEmail", NOTIFIER_EMAIL);
        notice.put("explanation", EXPLANATION);
        notice.put("legalGround", "StGB § 111 (public incitement to crimes)");
        notice.put("goodFaith", true);
        return notice;
    }

    static ValidatableResponse send(Site site, String commentId, Map<String, Object> notice) {
        return site.call().contentType(ContentType.JSON).body(notice)
                .post("/api/v1/comments/{id}/notices", commentId).then();
    }

    static ValidatableResponse decide(String noticeId, String moderator, Map<String, Object> decision) {
        return given().auth().oauth2(Tokens.of(moderator, "moderator")).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/moderation/notices/{id}/decision", noticeId).then();
    }

    @Test
    void aNoticeIsAcknowledgedQueuedAndActedOnAndTheSiteHearsTheOutcome() {
        Site site = Sites.create("notices");
        try (Receiver receiver = new Receiver()) {
            String secret = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("siteId", site.id(), "url", receiver.url(), "eventTypes",
                            List.of("notice.received", "notice.decided")))
                    .post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("secret");
            String commentId = site.submitted("notices-article", "notices-author", "See you at the town hall.");

            String noticeId = send(site, commentId, notice()).statusCode(201)
                    .header("Location", containsString("/api/v1/notices/"))
                    .body("status", equalTo("RECEIVED")).body("receivedAt", notNullValue())
                    .extract().path("id");
            given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/notices").then().statusCode(200)
                    .body("items.find { it.id == '%s' }.legalGround".formatted(noticeId),
                            equalTo("StGB § 111 (public incitement to crimes)"))
                    .body("items.find { it.id == '%s' }.comment.id".formatted(noticeId), equalTo(commentId));

            decide(noticeId, "gina", Map.of("action", "ACT", "reply", "r")).statusCode(400)
                    .body("errors[0].field", equalTo("reasonCode"));
            decide(noticeId, "gina", Map.of("action", "ACT", "reasonCode", "THREAT",
                    "reply", "The comment incites violence; it was removed.")).statusCode(200)
                    .body("status", equalTo("ACTED")).body("comment.status", equalTo("REJECTED"));
            decide(noticeId, "hugo", Map.of("action", "NO_ACTION", "reply", "r")).statusCode(409);
            given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/notices").then()
                    .body("items.id", not(hasItem(noticeId)));

            site.call().get("/api/v1/comments/{id}", commentId).then().body("status", equalTo("REJECTED"));
            site.call().get("/api/v1/notices/{id}", noticeId).then().statusCode(200)
                    .body("status", equalTo("ACTED")).body("reply", equalTo("The comment incites violence; it was removed."));
            site.call().get("/api/v1/comments/{id}/statement", commentId).then().statusCode(200)
                    .body("decision_ground", equalTo("DECISION_GROUND_ILLEGAL_CONTENT"))
                    .body("illegal_content_legal_ground", equalTo("StGB § 111 (public incitement to crimes)"))
                    .body("source_type", equalTo("SOURCE_ARTICLE_16"))
                    .body("automated_decision", equalTo("AUTOMATED_DECISION_NOT_AUTOMATED"));

            List<Receiver.Received> received = receiver.await(r -> r.stream().map(e -> e.eventId())
                    .collect(Collectors.toSet()).size() >= 2, PATIENCE);
            for (Receiver.Received r : received) {
                assertTrue(Signatures.verifies(r.signature(), r.body(), secret), r.body());
                assertFalse(r.body().contains(NOTIFIER) || r.body().contains(NOTIFIER_EMAIL)
                        || r.body().contains(EXPLANATION), "the notifier's data stays with the site: " + r.body());
                assertEquals(noticeId, r.json().get("data").get("noticeId").asText());
            }
            JsonNode decided = received.stream().map(Receiver.Received::json)
                    .filter(j -> j.get("type").asText().equals("notice.decided")).findFirst().orElseThrow()
                    .get("data");
            assertEquals("ACTED", decided.get("outcome").asText());
            assertEquals("gina", decided.get("actor").asText());
            assertEquals("The comment incites violence; it was removed.", decided.get("note").asText());
        }
    }

    @Test
    void aNotifierAppealsNoActionAndAnotherModeratorActsAfterAll() {
        Site site = Sites.create("notices-appeal");
        String commentId = site.submitted("notices-appeal-article", "na-author", "They should all be locked up.");
        String noticeId = send(site, commentId, notice()).statusCode(201).extract().path("id");
        decide(noticeId, "ivan", Map.of("action", "NO_ACTION", "reply", "Opinion, not incitement.")).statusCode(200)
                .body("status", equalTo("NO_ACTION")).body("comment.status", equalTo("PUBLISHED"));

        String appealId = site.call().contentType(ContentType.JSON)
                .body(Map.of("reason", "It names the people and calls for their detention."))
                .post("/api/v1/notices/{id}/appeals", noticeId).then().statusCode(201)
                .body("appellant", equalTo("NOTIFIER")).body("noticeId", equalTo(noticeId)).extract().path("id");
        Map<String, Object> reverse = Map.of("outcome", "REVERSE", "reasonCode", "HATE_SPEECH",
                "reply", "On a second look the comment incites hatred; it was removed.");
        given().auth().oauth2(Tokens.of("ivan", "moderator")).contentType(ContentType.JSON).body(reverse)
                .post("/api/v1/moderation/appeals/{id}/decision", appealId).then().statusCode(403);
        given().auth().oauth2(Tokens.of("judy", "moderator")).contentType(ContentType.JSON)
                .body(Map.of("outcome", "REVERSE", "reply", "r"))
                .post("/api/v1/moderation/appeals/{id}/decision", appealId).then().statusCode(400)
                .body("errors[0].field", equalTo("reasonCode"));
        given().auth().oauth2(Tokens.of("judy", "moderator")).contentType(ContentType.JSON).body(reverse)
                .post("/api/v1/moderation/appeals/{id}/decision", appealId).then().statusCode(200)
                .body("status", equalTo("REVERSED")).body("comment.status", equalTo("REJECTED"));

        site.call().get("/api/v1/notices/{id}", noticeId).then().body("status", equalTo("ACTED"));
        site.call().get("/api/v1/comments/{id}/statement", commentId).then().statusCode(200)
                .body("decision_ground", equalTo("DECISION_GROUND_ILLEGAL_CONTENT"))
                .body("category", equalTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"));
        // A notice acted on is no longer the notifier's to appeal.
        site.call().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/notices/{id}/appeals", noticeId).then().statusCode(409);
    }

    @Test
    void aNoticeNeedsEveryArticle16FieldAndOnlyItsSiteSeesIt() {
        Site site = Sites.create("notices-checks");
        Site otherSite = Sites.create("notices-checks-other");
        String commentId = site.submitted("notices-checks-article", "nc-author", "A comment.");

        Map<String, Object> withoutGoodFaith = notice();
        withoutGoodFaith.put("goodFaith", false);
        send(site, commentId, withoutGoodFaith).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("goodFaith"));
        Map<String, Object> badEmail = notice();
        badEmail.put("notifierEmail", "not an address");
        send(site, commentId, badEmail).statusCode(400).body("errors[0].field", containsString("notifierEmail"));
        Map<String, Object> noGround = notice();
        noGround.remove("legalGround");
        send(site, commentId, noGround).statusCode(400).body("errors[0].field", containsString("legalGround"));

        send(otherSite, commentId, notice()).statusCode(404);
        String noticeId = send(site, commentId, notice()).statusCode(201).extract().path("id");
        otherSite.call().get("/api/v1/notices/{id}", noticeId).then().statusCode(404);
        otherSite.call().contentType(ContentType.JSON).body(Map.of("reason", "r"))
                .post("/api/v1/notices/{id}/appeals", noticeId).then().statusCode(404);
        given().auth().oauth2(Tokens.scoped("kim", "moderator", List.of(otherSite.id())))
                .get("/api/v1/moderation/notices/{id}", noticeId).then().statusCode(404);
    }

    /** The queue query notices share with appeals (platform/paging/StatusQueue): status, sites, order and limit. */
    @Test
    void theQueueListsOneStatusOfTheAskedSiteOldestFirstUpToTheLimit() {
        Site site = Sites.create("notices-queue");
        Site otherSite = Sites.create("notices-queue-other");
        String first = send(site, site.submitted("nq-article", "nq-author-1", "A first comment."), notice())
                .statusCode(201).extract().path("id");
        String second = send(site, site.submitted("nq-article", "nq-author-2", "A second comment."), notice())
                .statusCode(201).extract().path("id");
        send(otherSite, otherSite.submitted("nq-article", "nq-author-3", "Elsewhere."), notice()).statusCode(201);
        String moderator = Tokens.scoped("lena", "moderator", List.of(site.id(), otherSite.id()));

        queue(moderator, site.id(), "RECEIVED", 100).body("items.id", contains(first, second));
        queue(moderator, site.id(), "RECEIVED", 1).body("items.id", contains(first));
        String onlyOtherSite = Tokens.scoped("kim", "moderator", List.of(otherSite.id()));
        queue(onlyOtherSite, site.id(), "RECEIVED", 100).body("items", empty());

        decide(first, "lena", Map.of("action", "NO_ACTION", "reply", "Lawful criticism.")).statusCode(200);
        queue(moderator, site.id(), "RECEIVED", 100).body("items.id", contains(second));
        queue(moderator, site.id(), "NO_ACTION", 100).body("items.id", contains(first));
    }

    private static ValidatableResponse queue(String token, String siteId, String status, int limit) {
        return given().auth().oauth2(token).queryParam("siteId", siteId).queryParam("status", status)
                .queryParam("limit", limit).get("/api/v1/moderation/notices").then().statusCode(200);
    }
}
