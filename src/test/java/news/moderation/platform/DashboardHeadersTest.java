package news.moderation.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** The moderator dashboard runs only its own code, cannot be framed, and a new version is never mixed with an old. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DashboardHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = { "/moderation/", "/moderation/index.html", "/moderation/app.js", "/moderation/style.css" })
    void everyDashboardFileIsServedWithSecurityHeadersAndRevalidated(String path) {
        given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/moderation/index.html", "/moderation/stats.js", "/moderation/queue.js",
            "/moderation/highlight.js", "/moderation/author.js", "/moderation/history.js", "/moderation/app.js" })
    void theDashboardHasNoInlineScriptsOrStylesTheCspWouldBlock(String path) {
        given().get(path).then().statusCode(200)
                .body(not(containsString("<script>")))
                .body(not(containsString(" style=")))
                .body(not(containsString("style: ")))
                .body(not(containsString("onclick=")));
    }
}
