package news.moderation.statements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;

/** Where the site shows published comments masked, masking is a restriction of its own, with its statement. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(MaskedStatementTest.Masking.class)
class MaskedStatementTest {

    public static class Masking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.comments.mask-published", "true");
        }
    }

    @Test
    void aPublishedCommentWithMaskedWordsHasAStatementOfAnOtherRestriction() {
        Sites.Site site = Sites.create("sor-masked");
        String body = "Damn, that was a good match.";
        String id = site.submit(news.moderation.comments.Comments.comment("article-1", "author-1", body))
                .statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("id");
        site.call().get("/api/v1/comments/{id}/statement", id).then().statusCode(200)
                .body("decision_visibility", equalTo(List.of("DECISION_VISIBILITY_OTHER")))
                .body("decision_visibility_other", containsString("masked"))
                .body("automated_detection", equalTo("Yes"))
                .body("automated_decision", equalTo("AUTOMATED_DECISION_FULLY"))
                .body("decision_facts", not(containsString("Damn")));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> statements = given().auth().oauth2(Tokens.admin()).queryParam("from", today)
                .queryParam("to", today).queryParam("siteId", site.id()).get("/api/v1/admin/statements").then()
                .statusCode(200).extract().path("statements");
        assertEquals(1, statements.size());
        assertEquals(List.of(), TransparencyDatabaseRules.violations(statements.get(0)));
    }
}
