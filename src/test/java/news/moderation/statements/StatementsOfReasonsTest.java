package news.moderation.statements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatementsOfReasonsTest {

    private static final String REJECTED = "fuck you";
    private static final String HELD = "you are a moron";
    private static final String CLEAN = "I think the mayor is wrong.";

    private static ValidatableResponse statement(Sites.Site site, String commentId) {
        return site.call().get("/api/v1/comments/{id}/statement", commentId).then();
    }

    private static void decide(String commentId, String action, String reasonCode) {
        int version = given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", commentId)
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(Tokens.of("mod-" + action.toLowerCase(), "moderator")).contentType(ContentType.JSON)
                .body(Map.of("action", action, "reasonCode", reasonCode, "expectedVersion", version))
                .post("/api/v1/moderation/comments/{id}/decision", commentId).then().statusCode(200);
    }

    private static void reportByThreeReaders(Sites.Site site, String commentId) {
        for (String reader : List.of("reader-a", "reader-b", "reader-c")) {
            site.call().contentType(ContentType.JSON).body(Map.of("reporterId", reader, "reason", "rude"))
                    .post("/api/v1/comments/{id}/reports", commentId).then().statusCode(201);
        }
    }

    private static ValidatableResponse export(String siteId, String format) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return given().auth().oauth2(Tokens.admin()).queryParam("from", today).queryParam("to", today)
                .queryParam("siteId", siteId).queryParam("format", format).get("/api/v1/admin/statements").then();
    }

    @Test
    void aMachineRejectionIsFullyAutomatedAndRemovesTheContent() {
        Sites.Site site = Sites.create("sor-reject");
        String id = site.submitted("article-1", "author-1", REJECTED);
        statement(site, id).statusCode(200)
                .body("puid", equalTo(id))
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED")))
                .body("decision_ground", equalTo("DECISION_GROUND_INCOMPATIBLE_CONTENT"))
                .body("category", equalTo("STATEMENT_CATEGORY_OTHER_VIOLATION_TC"))
                .body("content_type", equalTo(List.of("CONTENT_TYPE_TEXT")))
                .body("source_type", equalTo("SOURCE_VOLUNTARY"))
                .body("automated_detection", equalTo("Yes"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_FULLY"))
                .body("decision_facts", containsString("obscene"))
                .body("decision_facts", not(containsString(REJECTED)))
                .body("platform_name", equalTo("News comments"))
                .body("redress", equalTo(Statements.REDRESS))
                .body("end_date_visibility_restriction", nullValue());
    }

    @Test
    void aMachineHoldThenAModeratorsRejectionIsPartiallyAutomated() {
        Sites.Site site = Sites.create("sor-hold");
        String id = site.submitted("article-1", "author-1", HELD);
        statement(site, id).statusCode(200)
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_DISABLED")))
                .body("automated_detection", equalTo("Yes"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_FULLY"));

        decide(id, "REJECT", "INSULT");
        statement(site, id).statusCode(200)
                .body("puid", equalTo(id + "-2"))
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED")))
                .body("category", equalTo("STATEMENT_CATEGORY_CYBER_VIOLENCE"))
                .body("automated_detection", equalTo("Yes"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_PARTIALLY"))
                .body("decision_facts", containsString("INSULT"))
                .body("decision_facts", not(containsString(HELD)));
    }

    @Test
    void aModeratorsRejectionOfAReportedCommentIsNotAutomated() {
        Sites.Site site = Sites.create("sor-report");
        String id = site.submitted("article-1", "author-1", CLEAN);
        statement(site, id).statusCode(404).contentType("application/problem+json");

        reportByThreeReaders(site, id);
        statement(site, id).statusCode(200)
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_DISABLED")))
                .body("automated_detection", equalTo("No"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_FULLY"));

        decide(id, "REJECT", "HATE_SPEECH");
        statement(site, id).statusCode(200)
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_REMOVED")))
                .body("category", equalTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH"))
                .body("automated_detection", equalTo("No"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_NOT_AUTOMATED"));
    }

    @Test
    void anApprovalEndsTheRestrictionAndItsStatementRecordsTheEnd() {
        Sites.Site site = Sites.create("sor-lift");
        String id = site.submitted("article-1", "author-1", HELD);
        decide(id, "APPROVE", "FALSE_POSITIVE");
        statement(site, id).statusCode(200)
                .body("puid", equalTo(id))
                .body("end_date_visibility_restriction", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
    }

    /**
     * A published comment whose edit the rules hold stays published as it was: the statement restricts the edit, names
     * the revision readers still see, and follows the database's rules.
     */
    @Test
    void aHeldEditOfAPublishedCommentIsAStatementAboutTheEditNotTheComment() {
        Sites.Site site = Sites.create("sor-edit");
        String id = site.submitted("article-edit", "author-1", CLEAN);
        site.call().contentType(ContentType.JSON).body(Map.of("authorId", "author-1", "body", HELD))
                .put("/api/v1/comments/{id}", id).then().statusCode(200).body("status", equalTo("PENDING_REVIEW"));

        Map<String, Object> withheld = statement(site, id).statusCode(200)
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_CONTENT_DISABLED")))
                .body("decision_facts", containsString("matched the edit (revision 2) of the comment"))
                .body("decision_facts", containsString("while revision 1 stays published"))
                .body("decision_facts", not(containsString(HELD)))
                .body("end_date_visibility_restriction", nullValue())
                .extract().path("$");
        assertEquals(List.of(), TransparencyDatabaseRules.violations(withheld), withheld.toString());
        site.call().get("/api/v1/articles/article-edit/comments").then().statusCode(200)
                .body("items.find { it.id == '%s' }.body".formatted(id), equalTo(CLEAN));
    }

    @Test
    void anotherSitesCommentHasNoStatementForIt() {
        Sites.Site owner = Sites.create("sor-owner");
        Sites.Site other = Sites.create("sor-other");
        String id = owner.submitted("article-1", "author-1", REJECTED);
        statement(owner, id).statusCode(200);
        statement(other, id).statusCode(404);
        export(other.id(), "json").statusCode(200).body("statements.size()", equalTo(0));
    }

    @Test
    void everyExportedStatementFollowsTheTransparencyDatabasesRulesAndTheCsvHasOneRowEach() {
        Sites.Site site = Sites.create("sor-export");
        site.submitted("article-1", "author-1", REJECTED);
        String held = site.submitted("article-1", "author-2", HELD);
        decide(held, "REJECT", "INSULT");
        String reported = site.submitted("article-1", "author-3", CLEAN);
        reportByThreeReaders(site, reported);
        decide(reported, "REJECT", "THREAT");

        List<Map<String, Object>> statements = export(site.id(), "json").statusCode(200)
                .contentType(ContentType.JSON).extract().path("statements");
        assertEquals(5, statements.size(), "reject; hold, then reject; withheld on reports, then reject");
        for (Map<String, Object> statement : statements) {
            assertEquals(List.of(), TransparencyDatabaseRules.violations(statement), statement.toString());
        }

        String csv = export(site.id(), "csv").statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", TransparencyDatabase.FIELDS), lines.get(0));
        assertEquals(statements.size() + 1, lines.size());
        assertTrue(lines.get(1).contains("DECISION_GROUND_INCOMPATIBLE_CONTENT"), lines.get(1));
    }

    @Test
    void theRulesHelperCatchesWhatTheDatabaseRefuses() {
        Map<String, Object> broken = Map.of("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"),
                "decision_visibility_other", "stray", "decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                "category", "STATEMENT_CATEGORY_NONSENSE", "content_type", List.of("CONTENT_TYPE_TEXT"),
                "content_date", "2026-12-01T10:00:00Z", "application_date", "2026-12-01",
                "decision_facts", "facts", "source_type", "SOURCE_VOLUNTARY", "automated_detection", "true");
        List<String> violations = TransparencyDatabaseRules.violations(broken);
        assertEquals(List.of("automated_decision is required", "puid is required",
                "decision_visibility_other is present although its condition does not hold",
                "incompatible_content_ground is required here", "incompatible_content_explanation is required here",
                "category has a value the API does not know: STATEMENT_CATEGORY_NONSENSE",
                "content_date is not a date YYYY-MM-DD: 2026-12-01T10:00:00Z",
                "automated_detection has a value the API does not know: true"), violations);
    }

    @Test
    void anExportNeedsAPeriodAndAKnownFormat() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/statements").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/v1/admin/statements").then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("from", "2026-01-01").queryParam("to", "2026-01-02")
                .queryParam("format", "xml").get("/api/v1/admin/statements").then().statusCode(400);
        given().auth().oauth2(Tokens.moderator()).queryParam("from", "2026-01-01").queryParam("to", "2026-01-02")
                .get("/api/v1/admin/statements").then().statusCode(403);
    }
}
