package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static news.moderation.comments.Comments.comment;
import static news.moderation.comments.Comments.submit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ArticleThreadTest {

    @Test
    void listsOnlyPublishedCommentsOldestFirstAcrossPages() {
        String article = "article-pages";
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(submit(comment(article, "Clean comment number " + i)).statusCode(201).extract().path("id"));
            submit(comment(article, "fuck this " + i)).statusCode(201); // rejected: never listed
        }

        String cursor = given().queryParam("limit", 2).get("/api/v1/articles/{a}/comments", article).then()
                .statusCode(200)
                .body("items.id", contains(published.get(0), published.get(1)))
                .extract().path("nextCursor");
        cursor = given().queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/articles/{a}/comments", article).then()
                .body("items.id", contains(published.get(2), published.get(3)))
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/articles/{a}/comments", article).then()
                .body("items.id", contains(published.get(4)))
                .body("$", not(hasKey("nextCursor")));
    }

    @Test
    void showsThreadsThroughParentIds() {
        String article = "article-replies";
        String parent = submit(comment(article, "Opening remark")).statusCode(201).extract().path("id");
        java.util.Map<String, Object> reply = comment(article, "A reply");
        reply.put("parentId", parent);
        submit(reply).statusCode(201);

        given().get("/api/v1/articles/{a}/comments", article).then()
                .body("items", hasSize(2))
                .body("items[0].parentId", nullValue())
                .body("items[1].parentId", equalTo(parent))
                .body("items[0].verdict", nullValue());
    }

    @Test
    void refusesLimitsOutOfRangeAndForgedCursors() {
        given().queryParam("limit", 101).get("/api/v1/articles/a/comments").then()
                .statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/api/v1/articles/a/comments").then().statusCode(400);
        given().queryParam("limit", "many").get("/api/v1/articles/a/comments").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/articles/a/comments").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }
}
