package news.moderation.statements;

import static io.restassured.RestAssured.given;
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
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;

/** A removal on a notice of illegal content gets a statement on the illegal-content ground that the database takes. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NoticeStatementTest {

    @Test
    void aRemovalOnANoticeNamesTheLawAndTheNoticeAsItsSource() {
        Sites.Site site = Sites.create("notice-statements");
        String commentId = site.submitted("notice-statements-article", "ns-author", "Meet me after the match.");
        String noticeId = site.call().contentType(ContentType.JSON)
                .body(Map.of("notifierName", "N", "notifierEmail", "n@example.org", "explanation", "A threat.",
                        "legalGround", "Criminal Code s. 264.1 (uttering threats)", "goodFaith", true))
                .post("/api/v1/comments/{id}/notices", commentId).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.moderator()).contentType(ContentType.JSON)
                .body(Map.of("action", "ACT", "reasonCode", "THREAT", "reply", "Removed as a threat."))
                .post("/api/v1/moderation/notices/{id}/decision", noticeId).then().statusCode(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> exported = given().auth().oauth2(Tokens.admin()).queryParam("from", today)
                .queryParam("to", today).queryParam("siteId", site.id()).get("/api/v1/admin/statements").then()
                .statusCode(200).extract().jsonPath().getList("statements");
        assertEquals(1, exported.size(), exported.toString());
        Map<String, Object> statement = exported.get(0);
        assertEquals(List.of(), TransparencyDatabaseRules.violations(statement), statement.toString());
        assertEquals("DECISION_GROUND_ILLEGAL_CONTENT", statement.get("decision_ground"));
        assertEquals("Criminal Code s. 264.1 (uttering threats)", statement.get("illegal_content_legal_ground"));
        assertEquals("SOURCE_ARTICLE_16", statement.get("source_type"));
        assertEquals("STATEMENT_CATEGORY_VIOLENCE", statement.get("category"));
        assertEquals(List.of("DECISION_VISIBILITY_CONTENT_REMOVED"), statement.get("decision_visibility"));
        assertTrue(statement.get("decision_facts").toString().contains(noticeId), statement.toString());

        String csv = given().auth().oauth2(Tokens.admin()).queryParam("from", today).queryParam("to", today)
                .queryParam("siteId", site.id()).queryParam("format", "csv").get("/api/v1/admin/statements").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().contains("illegal_content_legal_ground"), csv);
        assertTrue(csv.contains("Criminal Code s. 264.1 (uttering threats)"), csv);
    }
}
