package news.moderation.appeals;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import news.moderation.events.DomainEvent;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/** Appeal and reversal rates per rule and per moderator, counted from real decisions and appeals. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AppealStatsTest {

    @Test
    void aRuleWhoseRemovalsAreReversedShowsUpWithItsRatesAndSoDoesEachModerator() {
        Site site = Sites.create("appeal-stats");
        // Two machine removals by the same rules; one appealed and reversed.
        String reversed = site.submitted("stats-article", "stats-author-1", "fuck you");
        site.submitted("stats-article", "stats-author-2", "fuck you");
        String machineAppeal = AppealRoundTripTest.appeal(site, reversed, "a joke").statusCode(201)
                .extract().path("id");
        List<String> rules = given().auth().oauth2(Tokens.moderator())
                .get("/api/v1/moderation/appeals/{id}", machineAppeal).then().statusCode(200).extract()
                .jsonPath().getList("ruleIds");
        assertFalse(rules.isEmpty());
        AppealRoundTripTest.decide(machineAppeal, "mona", "REVERSE", "Banter; restored.").statusCode(200);
        // Two removals by a moderator; one appealed and upheld, one not appealed.
        String upheld = site.submitted("stats-article", "stats-author-3", "you are a moron");
        String notAppealed = site.submitted("stats-article", "stats-author-4", "you are an idiot");
        AppealRoundTripTest.reject(upheld, "lena");
        AppealRoundTripTest.reject(notAppealed, "lena");
        String moderatorAppeal = AppealRoundTripTest.appeal(site, upheld, "not an insult").statusCode(201)
                .extract().path("id");
        AppealRoundTripTest.decide(moderatorAppeal, "mona", "UPHOLD", "It insults a reader.").statusCode(200);

        JsonPath stats = given().auth().oauth2(Tokens.admin()).queryParam("siteId", site.id())
                .get("/api/v1/admin/appeals/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> byRule = stats.getMap("byRule");
        for (String rule : rules) {
            assertEquals(Map.of("decisions", 2, "appeals", 1, "decided", 1, "reversed", 1, "appealRate", 0.5f,
                    "reversalRate", 1.0f), byRule.get(rule), rule + " in " + byRule);
        }
        Map<String, Map<String, Object>> byModerator = stats.getMap("byModerator");
        assertEquals(Map.of("decisions", 2, "appeals", 1, "decided", 1, "reversed", 0, "appealRate", 0.5f,
                "reversalRate", 0.0f), byModerator.get("lena"), byModerator.toString());
        assertEquals(2, byModerator.get(DomainEvent.SYSTEM).get("decisions"), byModerator.toString());
        assertEquals(1, byModerator.get(DomainEvent.SYSTEM).get("reversed"), byModerator.toString());
        assertNull(byModerator.get("mona"), "deciding appeals is not a contested decision: " + byModerator);

        given().auth().oauth2(Tokens.moderator()).get("/api/v1/admin/appeals/stats").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).queryParam("from", "yesterday").get("/api/v1/admin/appeals/stats")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("from", "2026-12-02T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z").get("/api/v1/admin/appeals/stats").then().statusCode(400);
    }
}
