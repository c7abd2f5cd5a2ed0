package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** A site that asks for masking shows published comments with their low-severity matches masked. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(MaskedThreadTest.Masking.class)
class MaskedThreadTest {

    public static class Masking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.comments.mask-published", "true");
        }
    }

    @Test
    void publishedCommentsAreShownWithMatchedSpansMasked() {
        String body = "Damn, that was a good match.";
        String id = Comments.submit(Comments.comment("article-masked", body)).statusCode(201)
                .body("status", equalTo("PUBLISHED"))
                .body("verdict.matches[0].excerpt", equalTo("Damn"))
                .extract().path("id");

        given().get("/api/v1/articles/article-masked/comments").then()
                .statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].body", equalTo("****, that was a good match."));
        given().get("/api/v1/comments/{id}", id).then().body("body", equalTo(body)); // stored as written
    }
}
