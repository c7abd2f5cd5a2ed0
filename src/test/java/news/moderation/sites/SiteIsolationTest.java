package news.moderation.sites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites.Site;

/** Sites are tenants: with its own API key, one site can neither see nor act on another site's comments or authors. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SiteIsolationTest {

    private static final String HELD = "you are a moron";
    private static final String REJECTED = "fuck you";
    private static final String CLEAN = "I think the mayor is wrong.";

    private Site siteA;
    private Site siteB;

    @BeforeEach
    void twoSites() {
        siteA = Sites.create("site-a");
        siteB = Sites.create("site-b");
    }

    @Test
    void anotherSitesCommentIsNotFoundByItsId() {
        String held = siteA.submitted("article-1", "reader-1", HELD);
        String rejected = siteA.submitted("article-1", "reader-1", REJECTED);
        for (String id : List.of(held, rejected)) {
            siteB.call().get("/api/v1/comments/{id}", id).then()
                    .statusCode(404).contentType("application/problem+json");
            given().get("/api/v1/comments/{id}", id).then().statusCode(404); // nor by anonymous calls
            siteA.call().get("/api/v1/comments/{id}", id).then().statusCode(200).body("siteId", equalTo(siteA.id()));
        }
    }

    @Test
    void anotherSitesThreadIsNotListed() {
        String articleId = "shared-article-" + UUID.randomUUID();
        String ofA = siteA.submitted(articleId, "reader-1", CLEAN);
        String ofB = siteB.submitted(articleId, "reader-2", CLEAN);
        siteB.call().get("/api/v1/articles/{a}/comments", articleId).then().statusCode(200)
                .body("items.id", equalTo(List.of(ofB)));
        siteA.call().get("/api/v1/articles/{a}/comments", articleId).then().statusCode(200)
                .body("items.id", equalTo(List.of(ofA)));
    }

    @Test
    void anotherSitesCommentCannotBeReportedOffItsThread() {
        String id = siteA.submitted("article-1", "reader-1", CLEAN);
        for (String madeUpReporter : List.of("sock-1", "sock-2", "sock-3")) {
            siteB.call().contentType(ContentType.JSON).body(Map.of("reporterId", madeUpReporter, "reason", "rude"))
                    .post("/api/v1/comments/{id}/reports", id).then()
                    .statusCode(404).contentType("application/problem+json");
        }
        siteA.call().get("/api/v1/comments/{id}", id).then().body("status", equalTo("PUBLISHED"));
        siteA.call().get("/api/v1/articles/article-1/comments").then().body("items.id", hasItem(id));
    }

    @Test
    void aReplyUnderAnotherSitesCommentIsRefusedAsIfItDidNotExist() {
        String parent = siteA.submitted("article-1", "reader-1", CLEAN);
        Map<String, Object> reply = Comments.comment("article-1", "reader-2", "I agree.");
        reply.put("parentId", parent);
        String ofAnotherSite = siteB.submit(reply).statusCode(422).extract().path("detail");
        reply.put("parentId", UUID.randomUUID().toString());
        siteB.submit(reply).statusCode(422).body("detail", equalTo(ofAnotherSite));
        reply.put("parentId", parent);
        siteA.submit(reply).statusCode(201).body("parentId", equalTo(parent));
    }

    @Test
    void theSameAuthorIdOnTwoSitesIsTwoAuthors() {
        String victim = "victim-7";
        for (int i = 0; i < 3; i++) {
            siteB.submit(Comments.comment("article-1", victim, REJECTED + " " + i)).statusCode(201)
                    .body("status", equalTo("REJECTED"));
        }
        // Site B's victim-7 is under pre-moderation; site A's is not touched.
        siteA.submit(Comments.comment("article-1", victim, CLEAN)).statusCode(201)
                .body("status", equalTo("PUBLISHED"));
        siteB.submit(Comments.comment("article-1", victim, CLEAN)).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));
        author(siteA.id(), victim).statusCode(200).body("standing", equalTo("ACTIVE"))
                .body("counts.REJECTED", equalTo(0)).body("counts.PUBLISHED", equalTo(1));
        author(siteB.id(), victim).statusCode(200).body("standing", equalTo("PREMODERATED"))
                .body("counts.REJECTED", equalTo(3)).body("siteId", equalTo(siteB.id()));
    }

    @Test
    void aBanOnOneSiteDoesNotReachTheSameAuthorIdOnAnother() {
        String author = "reader-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("status", "BANNED", "reason", "threats")).queryParam("siteId", siteA.id())
                .post("/api/v1/moderation/authors/{a}/status", author).then().statusCode(200);
        siteA.submit(Comments.comment("article-1", author, CLEAN)).statusCode(403);
        siteB.submit(Comments.comment("article-1", author, CLEAN)).statusCode(201);
    }

    @Test
    void idempotencyKeysAreEachSitesOwn() {
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> comment = Comments.comment("article-1", "reader-1", CLEAN);
        String ofA = siteA.call().contentType(ContentType.JSON).header("Idempotency-Key", key).body(comment)
                .post("/api/v1/comments").then().statusCode(201).extract().path("id");
        // The same key and body from another site is that site's own first submission, not a replay of A's comment.
        String ofB = siteB.call().contentType(ContentType.JSON).header("Idempotency-Key", key).body(comment)
                .post("/api/v1/comments").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(ofA, ofB);
        siteA.call().contentType(ContentType.JSON).header("Idempotency-Key", key).body(comment)
                .post("/api/v1/comments").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(ofA));
    }

    @Test
    void callsWithoutAKeyBelongToTheDefaultSite() {
        String anonymous = Comments.submitted("article-1", "reader-1", HELD);
        given().get("/api/v1/comments/{id}", anonymous).then().statusCode(200).body("siteId", equalTo("default"));
        siteA.call().get("/api/v1/comments/{id}", anonymous).then().statusCode(404);
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", anonymous).then()
                .statusCode(200).body("comment.siteId", equalTo("default"));
    }

    @Test
    void aScopedModeratorSeesAndActsOnlyOnTheirSites() {
        String ofA = siteA.submitted("article-1", "reader-a", HELD);
        String ofB = siteB.submitted("article-1", "reader-b", HELD);
        String scoped = Tokens.scoped("sam-site-a", "moderator", List.of(siteA.id()));

        given().auth().oauth2(scoped).get("/api/v1/moderation/comments/{id}", ofA).then().statusCode(200)
                .body("comment.siteId", equalTo(siteA.id()));
        for (String path : List.of("/api/v1/moderation/comments/{id}", "/api/v1/moderation/comments/{id}/history")) {
            given().auth().oauth2(scoped).get(path, ofB).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(scoped).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "reasonCode", "ACCEPTABLE", "expectedVersion", 0))
                .post("/api/v1/moderation/comments/{id}/decision", ofB).then().statusCode(404);
        given().auth().oauth2(scoped).contentType(ContentType.JSON)
                .body(Map.of("decisions", List.of(Map.of("commentId", ofB,
                        "decision", Map.of("action", "APPROVE", "expectedVersion", 0)))))
                .post("/api/v1/moderation/decisions").then().statusCode(200).body("results[0].status", equalTo(404));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", ofB).then()
                .statusCode(200).body("comment.status", equalTo("PENDING_REVIEW")); // untouched

        given().auth().oauth2(scoped).queryParam("siteId", siteB.id()).get("/api/v1/moderation/authors/reader-b")
                .then().statusCode(404);
        given().auth().oauth2(scoped).queryParam("siteId", siteB.id()).contentType(ContentType.JSON)
                .body(Map.of("status", "BANNED", "reason", "x")).post("/api/v1/moderation/authors/reader-b/status")
                .then().statusCode(404);
        given().auth().oauth2(scoped).queryParam("siteId", siteA.id()).get("/api/v1/moderation/authors/reader-a")
                .then().statusCode(200).body("counts.PENDING_REVIEW", equalTo(1));

        given().auth().oauth2(scoped).queryParam("limit", 100).get("/api/v1/moderation/queue").then().statusCode(200)
                .body("items.comment.siteId", everyItem(equalTo(siteA.id())))
                .body("items.comment.id", hasItem(ofA))
                .body("counts.PENDING_REVIEW", equalTo(1));
        int version = given().auth().oauth2(scoped).contentType(ContentType.JSON).body(Map.of("limit", 100))
                .post("/api/v1/moderation/queue/claim").then().statusCode(200)
                .body("comment.id", equalTo(List.of(ofA))).extract().path("[0].version");
        given().auth().oauth2(scoped).contentType(ContentType.JSON)
                .body(Map.of("action", "REJECT", "reasonCode", "INSULT", "expectedVersion", version))
                .post("/api/v1/moderation/comments/{id}/decision", ofA).then().statusCode(200);
        given().auth().oauth2(scoped).get("/api/v1/moderation/stats").then().statusCode(200)
                .body("byDecision", equalTo(Map.of("REVIEW", 1)))
                .body("byDay.moderators", equalTo(List.of(Map.of("REJECTED", 1))))
                .body("rules", not(hasSize(0))).body("rules.confirmed", everyItem(equalTo(1)));
        given().auth().oauth2(scoped).queryParam("siteId", siteB.id()).get("/api/v1/moderation/stats").then()
                .statusCode(200).body("byDecision", equalTo(Map.of())).body("byDay", hasSize(0))
                .body("rules", hasSize(0));

        // Without the claim a moderator sees every site; an admin always does.
        given().auth().oauth2(Tokens.moderator()).queryParam("siteId", siteB.id()).get("/api/v1/moderation/stats")
                .then().statusCode(200).body("byDecision", equalTo(Map.of("REVIEW", 1)));
        given().auth().oauth2(Tokens.scoped("ada-admin", "admin", List.of(siteA.id())))
                .get("/api/v1/moderation/comments/{id}", ofB).then().statusCode(200);
    }

    @Test
    void aSitesClaimOfAnotherShapeIsRefused() {
        String id = siteA.submitted("article-1", "reader-a", HELD);
        given().auth().oauth2(Tokens.scoped("sam", "moderator", siteA.id()))
                .get("/api/v1/moderation/comments/{id}", id).then().statusCode(403)
                .contentType("application/problem+json").body("detail", notNullValue());
        for (Object malformed : List.of(List.of(42), List.of(""), List.of("site\u0000a"))) {
            given().auth().oauth2(Tokens.scoped("sam", "moderator", malformed))
                    .get("/api/v1/moderation/queue").then().statusCode(403);
        }
        // An empty list scopes the moderator to no site at all.
        given().auth().oauth2(Tokens.scoped("sam", "moderator", List.of()))
                .get("/api/v1/moderation/queue").then().statusCode(200).body("items", hasSize(0))
                .body("counts.PENDING_REVIEW", equalTo(0))
                .body("items.comment.id", not(hasItem(id)));
    }

    private static io.restassured.response.ValidatableResponse author(String siteId, String authorId) {
        return given().auth().oauth2(Tokens.moderator()).queryParam("siteId", siteId)
                .get("/api/v1/moderation/authors/{a}", authorId).then();
    }
}
