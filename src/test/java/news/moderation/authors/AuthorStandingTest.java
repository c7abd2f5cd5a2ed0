package news.moderation.authors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

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
class AuthorStandingTest {

    static ValidatableResponse setStanding(String authorId, Map<String, Object> change) {
        return given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON).body(change)
                .post("/api/v1/moderation/authors/{a}/status", authorId).then();
    }

    @Test
    void suspendedAndBannedAuthorsMayNotComment() {
        setStanding("author-suspended", Map.of("status", "SUSPENDED", "reason", "cooling off",
                "until", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .statusCode(200).body("standing", equalTo("SUSPENDED"));
        Comments.submit(Comments.comment("article-standing", "author-suspended", "Hello again"))
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("suspended"));

        setStanding("author-banned", Map.of("status", "BANNED", "reason", "threats")).statusCode(200);
        Comments.submit(Comments.comment("article-standing", "author-banned", "Hello")).statusCode(403);

        setStanding("author-banned", Map.of("status", "ACTIVE", "reason", "appeal granted")).statusCode(200);
        Comments.submit(Comments.comment("article-standing", "author-banned", "Hello")).statusCode(201);
    }

    @Test
    void preModeratedAuthorsCommentsAlwaysGoToReview() {
        setStanding("author-premod", Map.of("status", "PREMODERATED", "reason", "new account")).statusCode(200);
        Comments.submit(Comments.comment("article-standing", "author-premod", "A perfectly nice comment."))
                .statusCode(201)
                .body("verdict.decision", equalTo("ALLOW"))
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void repeatedRejectionsPutAnAuthorUnderPreModeration() {
        String author = "author-repeat";
        for (int i = 0; i < 3; i++) {
            Comments.submit(Comments.comment("article-standing", author, "fuck you " + i)).statusCode(201)
                    .body("status", equalTo("REJECTED"));
        }
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/authors/{a}", author).then()
                .statusCode(200)
                .body("standing", equalTo("PREMODERATED"))
                .body("reason", containsString("3 rejected comments"))
                .body("counts.REJECTED", equalTo(3))
                .body("recentRejections", hasSize(3));
        Comments.submit(Comments.comment("article-standing", author, "Sorry, I was angry.")).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"));
    }

    @Test
    void erasureRemovesBodiesAndNamesButKeepsCounts() {
        String author = "author-erase";
        String id = Comments.submitted("article-erase", author, "My name is Jane Doe and I live here.");
        given().auth().oauth2(Tokens.moderator()).delete("/api/v1/moderation/authors/{a}", author).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/moderation/authors/{a}", author).then()
                .statusCode(200).body("commentsErased", equalTo(1));
        given().get("/api/v1/comments/{id}", id).then()
                .body("body", equalTo(""))
                .body("authorName", equalTo("[erased]"));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/authors/{a}", author).then()
                .body("counts.PUBLISHED", equalTo(1));
    }

    @Test
    void standingChangesAreValidated() {
        setStanding("author-x", Map.of("status", "EXILED", "reason", "x")).statusCode(400);
        setStanding("author-x", Map.of("status", "BANNED")).statusCode(400);
        setStanding("author-x", Map.of("status", "SUSPENDED", "reason", "x", "until", "2001-01-01T00:00:00Z"))
                .statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("until"));
    }
}
