package news.moderation.workbench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.moderation.comments.Comments;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.CallingSite;
import news.moderation.sites.Sites;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RulesetPreviewTest {

    /** A word no shipped rule knows, so that only the candidate rule can catch it. */
    private static final String FLORBIX_RULE = """
            language: en
            category: personal_attack
            rules:
              - id: en.personal_attack.florbix
                severity: medium
                description: A new insult the moderators keep rejecting.
                terms: [florbix]
                examples:
                  match: ["you florbix"]
                  noMatch: ["a flower box"]
            """;

    @Inject
    AgroalDataSource database;

    @Test
    void previewOfARuleAddingAWordReportsTheRejectedCommentsCaughtAndTheApprovedOnesHeld() {
        Instant from = Instant.now().minusSeconds(1);
        String rejected1 = Comments.submitted("article-workbench", "wb-1", "What a florbix you are.");
        String rejected2 = Comments.submitted("article-workbench", "wb-2", "Only a florbix would write this.");
        String approved = Comments.submitted("article-workbench", "wb-3", "My cat is called Florbix, she purrs.");
        Comments.submitted("article-workbench", "wb-4", "A clean remark about the weather.");
        decide(rejected1, "REJECT", "INSULT");
        decide(rejected2, "REJECT", "INSULT");
        decide(approved, "APPROVE", "ACCEPTABLE");

        String location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", FLORBIX_RULE), "from", from.toString(),
                        "siteId", CallingSite.DEFAULT))
                .post("/api/v1/admin/ruleset/preview").then()
                .statusCode(202).header("Location", containsString("/api/v1/admin/ruleset/preview/"))
                .extract().header("Location");
        JsonPath preview = finished(location);

        assertEquals("DONE", preview.getString("status"));
        assertEquals(4, preview.getInt("result.judged"));
        assertEquals(3, preview.getInt("result.transitions.'ALLOW→REVIEW'"));
        assertEquals(3, preview.getInt("result.rules.find { it.ruleId == 'en.personal_attack.florbix' }.added"));
        assertEquals(2, preview.getInt("result.moderators.rejected"));
        assertEquals(0, preview.getInt("result.moderators.rejectedHeldByServing"));
        assertEquals(2, preview.getInt("result.moderators.rejectedNewlyCaught"));
        assertEquals(1, preview.getInt("result.moderators.approvedNewlyHeld"));
        assertEquals(1.0, preview.getDouble("result.moderators.candidate.recall"));
        assertEquals(2.0 / 3, preview.getDouble("result.moderators.candidate.precision"), 1e-6);
        assertEquals(0.0, preview.getDouble("result.moderators.serving.recall"));
        assertEquals(3, preview.getList("result.sample").size());
        assertEquals("florbix", preview.getString("result.sample.find { it.id == '" + rejected1
                + "' }.candidateMatches[0].excerpt"));
    }

    /**
     * A stored comment is judged by the primary subtag of its language tag, as it was when it arrived: an English rule
     * catches the "en-GB" comment but not the "de-AT" one (a whole tag, unknown to the engine, would have brought every
     * language's rules to it).
     */
    @Test
    void aStoredCommentIsJudgedByThePrimarySubtagOfItsLanguage() {
        Instant from = Instant.now().minusSeconds(1);
        Sites.Site site = Sites.create("workbench-lang");
        String english = submittedIn(site, "en-GB", "What a florbix you are.");
        submittedIn(site, "de-AT", "Was für ein florbix du bist.");

        String location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", FLORBIX_RULE), "from", from.toString(),
                        "siteId", site.id()))
                .post("/api/v1/admin/ruleset/preview").then().statusCode(202).extract().header("Location");
        JsonPath preview = finished(location);

        assertEquals(2, preview.getInt("result.judged"));
        assertEquals(1, preview.getInt("result.transitions.'ALLOW→REVIEW'"));
        assertEquals(List.of(english), preview.getList("result.sample.id"));
    }

    private static String submittedIn(Sites.Site site, String lang, String body) {
        Map<String, Object> comment = Comments.comment("article-workbench-lang", body);
        comment.put("lang", lang);
        return site.submit(comment).statusCode(201).body("verdict.decision", equalTo("ALLOW")).extract().path("id");
    }

    @Test
    void aRuleLimitedToRepliesCatchesOnlyTheStoredReplies() {
        Instant from = Instant.now().minusSeconds(1);
        Sites.Site site = Sites.create("workbench-reply");
        String topLevel = site.submit(Comments.comment("article-workbench-reply", "wb-reply-1", "Florbix."))
                .statusCode(201).extract().path("id");
        Map<String, Object> answer = Comments.comment("article-workbench-reply", "wb-reply-2", "Florbix.");
        answer.put("parentId", topLevel);
        String reply = site.submit(answer).statusCode(201).extract().path("id");
        String replyOnly = FLORBIX_RULE.replace("    severity: medium\n", "    severity: medium\n    scope: reply\n")
                .replace("\"you florbix\"", "\"Florbix!\"");

        String location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", replyOnly), "from", from.toString(),
                        "siteId", site.id()))
                .post("/api/v1/admin/ruleset/preview").then().statusCode(202).extract().header("Location");
        JsonPath preview = finished(location);

        assertEquals("DONE", preview.getString("status"));
        assertEquals(2, preview.getInt("result.judged"));
        assertEquals(1, preview.getInt("result.transitions.'ALLOW→REVIEW'"));
        assertEquals(List.of(reply), preview.getList("result.sample.id"));
    }

    @Test
    void aCandidateWithAFailingExampleIsRefusedNamingTheExample() {
        String broken = FLORBIX_RULE.replace("\"you florbix\"", "\"you glorbax\"");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", broken)))
                .post("/api/v1/admin/ruleset/preview").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("example \"you glorbax\""))
                .body("detail", containsString("en.personal_attack.florbix"))
                .body("errors.field", hasItem("files.en/workbench.yaml"));
    }

    @Test
    void refusesPathsOutsideTheRulesDirectoryAndNonAdmins() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("../etc/evil.yaml", FLORBIX_RULE)))
                .post("/api/v1/admin/ruleset/preview").then()
                .statusCode(400).body("errors[0].field", equalTo("files"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", FLORBIX_RULE), "siteId", "daily\u202Eplanet"))
                .post("/api/v1/admin/ruleset/preview").then()
                .statusCode(400).body("errors[0].field", containsString("siteId"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("files", Map.of()))
                .post("/api/v1/admin/ruleset/preview").then()
                .statusCode(400).body("errors[0].field", containsString("files"));
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("en/workbench.yaml", FLORBIX_RULE)))
                .post("/api/v1/admin/ruleset/preview").then().statusCode(403);
    }

    @Test
    void aCancelledPreviewStopsBeforeJudgingEveryComment() throws Exception {
        int rows = 50_000;
        try (Connection connection = database.getConnection(); Statement insert = connection.createStatement()) {
            insert.execute("""
                    INSERT INTO comment (id, site_id, article_id, author_id, author_name, body, status, decision,
                                         categories, matches, max_severity, ruleset_version, created_at)
                    SELECT gen_random_uuid(), 'workbench-cancel', 'a-' || (g %% 100), 'u-' || (g %% 997), 'Reader',
                           'Comment ' || g || ' on the florbix question and the weather, part ' || (g %% 13),
                           'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'sha256:seed',
                           TIMESTAMPTZ '2001-01-01 00:00:00Z' + g * INTERVAL '1 second'
                    FROM generate_series(1, %d) g""".formatted(rows));
        }
        Map<String, Object> request = new HashMap<>();
        request.put("files", Map.of("en/workbench.yaml", FLORBIX_RULE));
        request.put("from", "2001-01-01T00:00:00Z");
        request.put("to", "2001-12-31T00:00:00Z");
        request.put("siteId", "workbench-cancel");
        String location = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(request)
                .post("/api/v1/admin/ruleset/preview").then().statusCode(202).extract().header("Location");
        given().auth().oauth2(Tokens.admin()).delete(location).then().statusCode(200)
                .body("id", equalTo(location.substring(location.lastIndexOf('/') + 1)));

        JsonPath preview = finished(location);
        assertEquals("CANCELLED", preview.getString("status"));
        given().auth().oauth2(Tokens.admin()).get(location).then()
                .body("judged", lessThan(rows)).body("result", equalTo(null));
    }

    private static void decide(String commentId, String action, String reason) {
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", action, "reasonCode", reason, "expectedVersion", 0))
                .post("/api/v1/moderation/comments/{id}/decision", commentId).then().statusCode(200);
    }

    private static JsonPath finished(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().auth().oauth2(Tokens.admin()).get(location).then().statusCode(200)
                    .extract().jsonPath();
            String status = job.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the preview at " + location + " did not finish within a minute");
    }
}
