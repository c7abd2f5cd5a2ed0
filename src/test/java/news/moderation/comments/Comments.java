package news.moderation.comments;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Submitting comments through the real API, for tests of every feature that starts with a comment. */
public final class Comments {

    private Comments() {
    }

    /** A comment by a new author each time, so that no test inherits another's author standing. */
    public static Map<String, Object> comment(String articleId, String body) {
        return comment(articleId, "reader-" + UUID.randomUUID(), body);
    }

    public static Map<String, Object> comment(String articleId, String authorId, String body) {
        Map<String, Object> comment = new HashMap<>();
        comment.put("articleId", articleId);
        comment.put("authorId", authorId);
        comment.put("authorName", "A Reader");
        comment.put("body", body);
        return comment;
    }

    public static ValidatableResponse submit(Map<String, Object> comment) {
        return given().contentType(ContentType.JSON).body(comment).post("/api/v1/comments").then();
    }

    /** Submits and returns the new comment's id, failing unless it was answered 201. */
    public static String submitted(String articleId, String authorId, String body) {
        return submit(comment(articleId, authorId, body)).statusCode(201).extract().path("id");
    }
}
