package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import static news.moderation.comments.Comments.comment;
import static news.moderation.comments.Comments.submit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.platform.database.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CommentSubmissionTest {

    @Test
    void cleanCommentIsPublishedAndStored() {
        String id = submit(comment("article-clean", "A thoughtful piece, thank you."))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/comments/"))
                .body("status", equalTo("PUBLISHED"))
                .body("createdAt", notNullValue())
                .body("verdict.decision", equalTo("ALLOW"))
                .body("verdict.matches", empty())
                .body("verdict.rulesetVersion", startsWith("sha256:"))
                .extract().path("id");

        given().get("/api/v1/comments/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("body", equalTo("A thoughtful piece, thank you."))
                .body("status", equalTo("PUBLISHED"));
    }

    @Test
    void obsceneCommentIsRejectedWithOffsetsIntoTheOriginalBody() {
        String body = "Well, F.U.C.K this article.";
        submit(comment("article-obscene", body))
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("verdict.decision", equalTo("REJECT"))
                .body("verdict.categories", hasItem("obscene"))
                .body("verdict.matches[0].category", equalTo("obscene"))
                .body("verdict.matches[0].start", equalTo(body.indexOf("F.U.C.K")))
                .body("verdict.matches[0].end", equalTo(body.indexOf("F.U.C.K") + "F.U.C.K".length()))
                .body("verdict.matches[0].excerpt", equalTo("F.U.C.K"));
    }

    @Test
    void personalAttackWaitsForReview() {
        submit(comment("article-review", "Honestly, you are a complete moron."))
                .statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("verdict.decision", equalTo("REVIEW"))
                .body("verdict.categories", hasItem("personal_attack"));
    }

    /** A well-formed tag longer than the stored column is refused as bad input, not by the database (a 500). */
    @Test
    void aLanguageTagLongerThanSixteenCharactersIsRefused() {
        Map<String, Object> comment = comment("article-lang", "A thoughtful piece, thank you.");
        comment.put("lang", "en-abcdefgh-abcdefgh");
        submit(comment).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("lang"));
    }

    @Test
    void clientCannotSetStatusOrVerdict() {
        Map<String, Object> withStatus = comment("article-forge", "fuck you");
        withStatus.put("status", "PUBLISHED");
        submit(withStatus).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status"));

        Map<String, Object> withVerdict = comment("article-forge", "fuck you");
        withVerdict.put("verdict", Map.of("decision", "ALLOW"));
        submit(withVerdict).statusCode(400).contentType("application/problem+json");

        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Comment.count("articleId", "article-forge")));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReplaysTheOriginal() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = comment("article-idem", "First!");
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/comments").then().statusCode(201).extract().path("id");
        String second = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/comments").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .extract().path("id");

        assertEquals(first, second);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Comment.count("articleId", "article-idem")));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(comment("article-idem-2", "One text")).post("/api/v1/comments").then().statusCode(201);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(comment("article-idem-2", "Another text")).post("/api/v1/comments").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
    }

    @Test
    void replyMustPointToACommentOnTheSameArticle() {
        String parent = submit(comment("article-thread", "Parent comment")).statusCode(201).extract().path("id");

        Map<String, Object> reply = comment("article-thread", "A reply");
        reply.put("parentId", parent);
        submit(reply).statusCode(201).body("parentId", equalTo(parent));

        Map<String, Object> elsewhere = comment("another-article", "A stray reply");
        elsewhere.put("parentId", parent);
        submit(elsewhere).statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("parentId"));

        Map<String, Object> orphan = comment("article-thread", "An orphan");
        orphan.put("parentId", UUID.randomUUID().toString());
        submit(orphan).statusCode(422).body("errors.field", hasItem("parentId"));
    }

    @Test
    void unknownCommentIsNotFound() {
        given().get("/api/v1/comments/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", not(equalTo(null)));
    }
}
