package news.moderation.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.platform.database.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessCoversDatabaseAndRuleset() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ruleset"))
                .body("checks.name", hasItem("database"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200).body("checks.name", hasItem("ruleset"));
    }

    @Test
    void metricsCountVerdictsByDecisionAndCategory() {
        given().contentType(ContentType.JSON).body(Map.of("text", "fuck off")).post("/api/v1/check").then()
                .statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("moderation_verdicts_total{decision=\"REJECT\""))
                .body(containsString("moderation_verdict_categories_total{category=\"obscene\""));
    }

    @Test
    void openApiDescribesTheSubmissionApi() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/api/v1/comments"));
    }
}
