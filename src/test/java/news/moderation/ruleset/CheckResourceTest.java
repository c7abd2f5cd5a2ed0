package news.moderation.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.moderation.comments.Comment;
import news.moderation.platform.database.EmbeddedPostgresResource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CheckResourceTest {

    @Test
    void judgesWithoutStoring() {
        long before = QuarkusTransaction.requiringNew().call(() -> Comment.count());
        String text = "You are an idiot and this is sh!t";
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/check").then()
                .statusCode(200)
                .body("decision", equalTo("REVIEW"))
                .body("categories", hasItem("obscene"))
                .body("categories", hasItem("personal_attack"))
                .body("matches.excerpt", hasItem("sh!t"))
                .body("rulesetVersion", startsWith("sha256:"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Comment.count()));
    }

    @Test
    void innocentWordsContainingBadOnesAreAllowed() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "The assassin from Scunthorpe ordered a cocktail with shiitake in Sussex."))
                .post("/api/v1/check").then()
                .statusCode(200)
                .body("decision", equalTo("ALLOW"))
                .body("matches", empty());
    }

    @Test
    void languageHintSelectsThatLanguagesRules() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Du bist ein Arschloch", "lang", "de"))
                .post("/api/v1/check").then()
                .statusCode(200)
                .body("decision", org.hamcrest.Matchers.not(equalTo("ALLOW")));
    }

    @Test
    void aBareVerdictOnAPersonIsHeldOnlyInAReply() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Pathetic.")).post("/api/v1/check").then()
                .statusCode(200)
                .body("decision", equalTo("ALLOW"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Pathetic.", "parentId", UUID.randomUUID()))
                .post("/api/v1/check").then()
                .statusCode(200)
                .body("decision", equalTo("REVIEW"))
                .body("matches.ruleId", hasItem("en.personal_attack.bare-insult-reply"));
        given().contentType(ContentType.JSON).body(Map.of("text", "Pathetic.", "parentId", "not-an-id"))
                .post("/api/v1/check").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parentId"));
    }

    @Test
    void aWordInSeveralLanguagesListsIsOneMatch() {
        // "idiot" is an insult in the de, en and fr rules: one match (one chip on the dashboard), from en
        given().contentType(ContentType.JSON).body(Map.of("text", "what an idiot")).post("/api/v1/check").then()
                .statusCode(200)
                .body("matches.size()", equalTo(1))
                .body("matches[0].ruleId", startsWith("en."));
    }

    @Test
    void aLanguageWithoutRulesIsJudgedWithEveryLanguage() {
        for (String lang : new String[] {"it", "xx", "pt-BR"}) {
            given().contentType(ContentType.JSON).body(Map.of("text", "sei un Arschloch", "lang", lang))
                    .post("/api/v1/check").then()
                    .statusCode(200)
                    .body("matches.ruleId", hasItem(startsWith("de.")));
        }
    }
}
