package news.moderation.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
class ReaderReportsTest {

    static ValidatableResponse report(String id, String reporter) {
        return given().contentType(ContentType.JSON).body(Map.of("reporterId", reporter, "reason", "rude"))
                .post("/api/v1/comments/{id}/reports", id).then();
    }

    @Test
    void enoughDistinctReadersSendAPublishedCommentBackToTheQueue() {
        String id = Comments.submitted("article-reports", "author-reports", "I think the mayor is wrong.");
        report(id, "reader-a").statusCode(201).body("reportCount", equalTo(1)).body("status", equalTo("PUBLISHED"));
        report(id, "reader-a").statusCode(200).body("reportCount", equalTo(1)); // the same reader counts once
        report(id, "reader-b").statusCode(201).body("reportCount", equalTo(2)).body("status", equalTo("PUBLISHED"));
        report(id, "reader-c").statusCode(201).body("reportCount", equalTo(3)).body("status", equalTo("REPORTED"));

        given().get("/api/v1/articles/article-reports/comments").then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.moderator()).queryParam("status", "REPORTED")
                .queryParam("articleId", "article-reports").get("/api/v1/moderation/queue").then()
                .body("items[0].comment.id", equalTo(id))
                .body("items[0].reportCount", equalTo(3));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}/history", id).then()
                .body("action", hasItem("REPORTED"))
                .body("find { it.action == 'REPORTED' }.actor", equalTo("readers"));
    }

    @Test
    void aModeratorsApprovalStartsANewRoundThatNeedsTheThresholdAgain() {
        String id = Comments.submitted("article-reports-3", "author-reports-3", "The council got this one right.");
        for (String reader : List.of("reader-a", "reader-b", "reader-c")) {
            report(id, reader).statusCode(201);
        }
        int version = given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .body("comment.status", equalTo("REPORTED")).extract().path("version");
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "reasonCode", "ACCEPTABLE", "expectedVersion", version))
                .post("/api/v1/moderation/comments/{id}/decision", id).then().statusCode(200)
                .body("comment.status", equalTo("PUBLISHED")).body("reportCount", equalTo(0));

        // A reader who already reported it does not count again; new readers do, up to the threshold.
        report(id, "reader-a").statusCode(200).body("reportCount", equalTo(0));
        report(id, "reader-d").statusCode(201).body("reportCount", equalTo(1)).body("status", equalTo("PUBLISHED"));
        report(id, "reader-e").statusCode(201).body("reportCount", equalTo(2)).body("status", equalTo("PUBLISHED"));
        report(id, "reader-f").statusCode(201).body("reportCount", equalTo(3)).body("status", equalTo("REPORTED"));
    }

    @Test
    void reportsAreValidated() {
        report(UUID.randomUUID().toString(), "reader-x").statusCode(404).contentType("application/problem+json");
        String id = Comments.submitted("article-reports-2", "author-reports-2", "Nice.");
        given().contentType(ContentType.JSON).body(Map.of("reporterId", "", "reason", "rude"))
                .post("/api/v1/comments/{id}/reports", id).then()
                .statusCode(400).body("errors.field", hasItem("reporterId"));
    }
}
