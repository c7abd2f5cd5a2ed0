package news.moderation.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DecisionTest {

    static ValidatableResponse decide(String token, String id, Map<String, Object> decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/moderation/comments/{id}/decision", id).then();
    }

    @Test
    void approvingAHeldCommentPublishesItAndRecordsWhoDidIt() {
        String id = Comments.submitted("article-approve", "author-approve", "You are an idiot.");
        given().auth().oauth2(Tokens.moderator()).queryParam("articleId", "article-approve")
                .get("/api/v1/moderation/queue").then()
                .statusCode(200)
                .body("items.comment.id", contains(id))
                .body("items[0].version", equalTo(0))
                .body("items[0].comment.verdict.matches.ruleId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()))
                .body("counts.PENDING_REVIEW", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        decide(Tokens.of("alice", "moderator"), id,
                Map.of("action", "APPROVE", "reasonCode", "FALSE_POSITIVE", "note", "banter", "expectedVersion", 0))
                .statusCode(200)
                .body("comment.status", equalTo("PUBLISHED"))
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .statusCode(200)
                .body("comment.status", equalTo("PUBLISHED"))
                .body("version", equalTo(1));

        given().get("/api/v1/articles/article-approve/comments").then().body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/history", id).then()
                .statusCode(200)
                .body("action", contains("MACHINE_VERDICT", "MODERATOR_DECISION"))
                .body("[0].actor", equalTo("system"))
                .body("[0].to", equalTo("PENDING_REVIEW"))
                .body("[0].rulesetVersion", org.hamcrest.Matchers.startsWith("sha256:"))
                .body("[1].actor", equalTo("alice"))
                .body("[1].from", equalTo("PENDING_REVIEW"))
                .body("[1].to", equalTo("PUBLISHED"))
                .body("[1].reasonCode", equalTo("FALSE_POSITIVE"))
                .body("[1].note", equalTo("banter"));
    }

    @Test
    void aStaleVersionIsAConflict() {
        String id = Comments.submitted("article-stale", "author-stale", "You are a moron.");
        decide(Tokens.moderator(), id, Map.of("action", "REJECT", "reasonCode", "INSULT", "expectedVersion", 0))
                .statusCode(200).body("comment.status", equalTo("REJECTED"));
        decide(Tokens.moderator(), id, Map.of("action", "APPROVE", "expectedVersion", 0))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("changed since you saw it"));
    }

    @Test
    void rejectingNeedsAReasonAndUnknownCommentsAreNotFound() {
        String id = Comments.submitted("article-reason", "author-reason", "You are a clown.");
        decide(Tokens.moderator(), id, Map.of("action", "REJECT", "expectedVersion", 0))
                .statusCode(400).body("errors.field", hasItem("reasonCode"));
        decide(Tokens.moderator(), id, Map.of("action", "DELETE", "expectedVersion", 0)).statusCode(400);
        decide(Tokens.moderator(), UUID.randomUUID().toString(), Map.of("action", "APPROVE", "expectedVersion", 0))
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bulkDecisionsSucceedOrFailOneByOne() {
        String first = Comments.submitted("article-bulk", "author-bulk-1", "You are an idiot.");
        String second = Comments.submitted("article-bulk", "author-bulk-2", "You are a moron.");
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("decisions", List.of(
                        Map.of("commentId", first, "decision", Map.of("action", "REJECT", "reasonCode", "INSULT",
                                "expectedVersion", 0)),
                        Map.of("commentId", second, "decision", Map.of("action", "APPROVE", "expectedVersion", 7)),
                        Map.of("commentId", unknown, "decision", Map.of("action", "APPROVE", "expectedVersion", 0)))))
                .post("/api/v1/moderation/decisions").then()
                .statusCode(200)
                .body("results.status", contains(200, 409, 404))
                .body("results[0].item.comment.status", equalTo("REJECTED"));

        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("decisions", java.util.Collections.nCopies(101,
                        Map.of("commentId", first, "decision", Map.of("action", "APPROVE", "expectedVersion", 1)))))
                .post("/api/v1/moderation/decisions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aClaimedCommentIsNotDecidedBySomeoneElse() {
        String id = Comments.submitted("article-claimed", "author-claimed", "You are an imbecile.");
        String bob = Tokens.of("bob", "moderator");
        List<String> claimed;
        do {
            claimed = given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("limit", 100))
                    .post("/api/v1/moderation/queue/claim").then().statusCode(200).extract().path("comment.id");
        } while (!claimed.isEmpty() && !claimed.contains(id));
        decide(Tokens.of("carol", "moderator"), id, Map.of("action", "APPROVE", "expectedVersion", 0))
                .statusCode(409).body("detail", containsString("claimed by bob"));
        decide(bob, id, Map.of("action", "APPROVE", "expectedVersion", 0)).statusCode(200);
    }
}
