package news.moderation.sites;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** With anonymous submission turned off, only a live site key gets a comment in. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(ApiKeyTest.KeysRequired.class)
class ApiKeyTest {

    public static class KeysRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.submission.anonymous-allowed", "false");
        }
    }

    @Test
    void submissionsNeedALiveSiteKey() {
        Map<String, Object> comment = Comments.comment("article-keys", "author-keys", "Hello from a site.");
        Comments.submit(comment).statusCode(401).contentType("application/problem+json");
        given().header("X-Api-Key", "mk_guessed").contentType(ContentType.JSON).body(comment)
                .post("/api/v1/comments").then().statusCode(401);

        var created = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", "daily-planet", "name", "production backend"))
                .post("/api/v1/admin/api-keys").then()
                .statusCode(201)
                .body("key", startsWith("mk_"))
                .extract();
        String key = created.path("key");
        String keyId = created.path("id");

        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(comment)
                .post("/api/v1/comments").then().statusCode(201);
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .post("/api/v1/check").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/api-keys").then()
                .body("siteId", hasItem("daily-planet"))
                .body(not(org.hamcrest.Matchers.containsString(key)));

        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/api-keys/{id}", keyId).then()
                .statusCode(200).body("revokedAt", org.hamcrest.Matchers.notNullValue());
        given().header("X-Api-Key", key).contentType(ContentType.JSON).body(comment)
                .post("/api/v1/comments").then().statusCode(401)
                .body("detail", equalTo("The X-Api-Key is unknown or revoked"));
    }
}
