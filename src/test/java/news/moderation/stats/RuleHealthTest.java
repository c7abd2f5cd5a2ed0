package news.moderation.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/**
 * Rule health through the HTTP API on real PostgreSQL: decisions seeded on one site make a rule that moderators mostly
 * overturn "needs attention" in the stats once enough decisions were made (defaults: precision under 0.5, at least 5
 * decisions), and the per-rule precision gauge shows what the stats of every site measure.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RuleHealthTest {

    @Test
    void aRuleModeratorsMostlyOverturnNeedsAttentionOnceEnoughDecisionsWereMade() {
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        Site site = Sites.create("rule-health");
        List<String> insults = new ArrayList<>();
        List<String> obscene = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            insults.add(site.submitted("health-article", "health-author-" + i, "You are an idiot, reader " + i + "."));
            obscene.add(site.submitted("health-article", "health-author-" + i, "What a load of sh!t, number " + i));
        }
        String insultRule = ruleOf(site, insults.get(0));
        String obsceneRule = ruleOf(site, obscene.get(0));
        obscene.forEach(id -> decide(id, "REJECT", "PROFANITY"));
        for (String id : insults.subList(0, 4)) {
            decide(id, "APPROVE", "FALSE_POSITIVE");
        }

        // Four overturned, none confirmed: precision 0, but four decisions are too few to judge the rule by.
        stats(site, from).body("rules.find { it.ruleId == '" + insultRule + "' }.precision", equalTo(0.0f))
                .body("ruleHealth.minPrecision", equalTo(0.5f))
                .body("ruleHealth.minDecisions", equalTo(5))
                .body("ruleHealth.needsAttention", empty());

        decide(insults.get(4), "REJECT", "INSULT");
        stats(site, from).body("rules.find { it.ruleId == '" + insultRule + "' }.precision", equalTo(0.2f))
                .body("rules.find { it.ruleId == '" + obsceneRule + "' }.precision", equalTo(1.0f))
                .body("ruleHealth.needsAttention.ruleId", hasItem(insultRule))
                .body("ruleHealth.needsAttention.ruleId", not(hasItem(obsceneRule)))
                .body("ruleHealth.needsAttention.find { it.ruleId == '" + insultRule + "' }.overturned", equalTo(4));

        // Another site's stats do not list this site's rule.
        Site other = Sites.create("rule-health-other");
        stats(other, from).body("ruleHealth.needsAttention", empty());
    }

    @Test
    void thePrecisionGaugeOfARuleShowsWhatTheStatsOfEverySiteMeasure() throws InterruptedException {
        Site site = Sites.create("rule-health-gauge");
        String held = site.submitted("gauge-article", "gauge-author", "You are an idiot, gauge reader.");
        String rule = ruleOf(site, held);
        decide(held, "APPROVE", "FALSE_POSITIVE");
        Instant now = Instant.now();
        Float measured = given().auth().oauth2(Tokens.moderator())
                .queryParam("from", now.minus(Duration.ofDays(30)).toString())
                .queryParam("to", now.plusSeconds(60).toString())
                .get("/api/v1/moderation/stats").then().statusCode(200)
                .extract().path("rules.find { it.ruleId == '" + rule + "' }.precision");
        assertNotNull(measured);

        Pattern gauge = Pattern.compile("moderation_rule_precision\\{rule=\"" + Pattern.quote(rule) + "\"} (\\S+)");
        Double shown = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            Matcher value = gauge.matcher(metrics);
            shown = value.find() ? Double.valueOf(value.group(1)) : null;
            if (shown != null && Math.abs(shown - measured) < 1e-6) {
                break;
            }
            Thread.sleep(250);
        }
        assertNotNull(shown, "a precision gauge for " + rule);
        assertEquals(measured, shown, 1e-6);
        given().get("/q/metrics").then().body(containsString("moderation_rules_needing_attention "));
    }

    /** One of the rules that held the comment (every rule that matched it is tallied alike). */
    private static String ruleOf(Site site, String commentId) {
        return site.call().get("/api/v1/comments/{id}", commentId).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"))
                .extract().path("verdict.matches[0].ruleId");
    }

    private static void decide(String commentId, String action, String reasonCode) {
        Map<String, Object> decision = new HashMap<>(Map.of("action", action, "reasonCode", reasonCode,
                "expectedVersion", 0));
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/moderation/comments/{id}/decision", commentId).then().statusCode(200);
    }

    private static ValidatableResponse stats(Site site, Instant from) {
        return given().auth().oauth2(Tokens.moderator()).queryParam("siteId", site.id())
                .queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/moderation/stats").then().statusCode(200);
    }
}
