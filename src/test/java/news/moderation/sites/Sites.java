package news.moderation.sites;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import news.moderation.platform.security.Tokens;

/** Sites with API keys made through the admin API, and calls to the submission API as one of them. */
public final class Sites {

    /** A new site, with a name of its own so that no test sees another's comments. */
    public record Site(String id, String key) {

        public RequestSpecification call() {
            return given().header("X-Api-Key", key);
        }

        public ValidatableResponse submit(Map<String, Object> comment) {
            return call().contentType(ContentType.JSON).body(comment).post("/api/v1/comments").then();
        }

        public String submitted(String articleId, String authorId, String body) {
            return submit(news.moderation.comments.Comments.comment(articleId, authorId, body)).statusCode(201)
                    .extract().path("id");
        }
    }

    private Sites() {
    }

    public static Site create(String name) {
        String id = name + "-" + UUID.randomUUID();
        String key = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", id, "name", name + " backend"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
        return new Site(id, key);
    }
}
