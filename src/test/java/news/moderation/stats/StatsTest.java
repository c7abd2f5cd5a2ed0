package news.moderation.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatsTest {

    @Test
    void countsDecisionsAndMeasuresHowOftenModeratorsOverturnEachRule() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String held = Comments.submitted("article-stats", "author-stats-1", "You are an idiot.");
        String ruleId = given().get("/api/v1/comments/{id}", held).then().extract().path("verdict.matches[0].ruleId");
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "reasonCode", "FALSE_POSITIVE", "expectedVersion", 0))
                .post("/api/v1/moderation/comments/{id}/decision", held).then().statusCode(200);
        Comments.submitted("article-stats", "author-stats-2", "A clean remark.");

        given().auth().oauth2(Tokens.moderator()).queryParam("from", from.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/moderation/stats").then()
                .statusCode(200)
                .body("byDecision.REVIEW", greaterThanOrEqualTo(1))
                .body("byDecision.ALLOW", greaterThanOrEqualTo(1))
                .body("byCategory.personal_attack", greaterThanOrEqualTo(1))
                .body("byDay[0].day", notNullValue())
                .body("byDay[0].moderators.PUBLISHED", greaterThanOrEqualTo(1))
                .body("topRules.ruleId", hasItem(ruleId))
                .body("rules.find { it.ruleId == '" + ruleId + "' }.overturned", greaterThanOrEqualTo(1))
                .body("rules.find { it.ruleId == '" + ruleId + "' }.precision", notNullValue());
    }

    @Test
    void refusesAnEmptyRange() {
        given().auth().oauth2(Tokens.moderator()).queryParam("from", "2026-01-02T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/api/v1/moderation/stats").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.moderator()).queryParam("from", "yesterday")
                .get("/api/v1/moderation/stats").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
