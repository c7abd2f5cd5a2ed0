package news.moderation.platform.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.platform.RawHttp;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** Made-up paths, however they are refused, cannot use up Micrometer's URI tags and blind the real routes. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class UnmatchedRoutesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void madeUpPathsShareOneTagAndRealRoutesKeepTheirSeries() throws IOException {
        for (int i = 0; i < 50; i++) {
            given().get("/made-up/{i}", i).then().statusCode(404);
            given().patch("/api/v1/comments/made-up-" + i).then().statusCode(405);
            // Refused by the HTTP layer before any route is looked at: broken percent-encoding.
            assertEquals(400, RawHttp.send(root, "GET /made-up-" + i + "/%zz HTTP/1.1", new byte[0]).status());
        }
        // A route no other test calls before this one: its series must still be created after all of that.
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON).body("{\"limit\": 1}")
                .post("/api/v1/moderation/queue/claim").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/v1/moderation/queue/claim\"}"));
        assertThat(metrics, containsString("status=\"405\",uri=\"/UNMATCHED\""));
        assertThat(metrics, containsString("status=\"400\",uri=\"/UNMATCHED\""));
        assertThat(metrics, not(containsString("made-up")));
    }
}
