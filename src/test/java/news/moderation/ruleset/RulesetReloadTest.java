package news.moderation.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** Rule changes reach the running service; a broken change is refused and the old ruleset keeps serving. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(RulesetReloadTest.CopiedRules.class)
class RulesetReloadTest {

    static final Path RULES = Path.of("target/reload-test-rules");

    /** The service reads a copy of rules/, which this test edits; the scheduled check is slowed out of the way. */
    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            copy(Path.of("rules"), RULES);
            return Map.of("moderation.rules.dir", RULES.toString(), "moderation.rules.reload-interval", "1h");
        }
    }

    @Test
    void goodChangeSwapsInAndBrokenChangeKeepsTheOldRuleset() throws IOException {
        String before = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset").then()
                .statusCode(200).body("version", notNullValue()).extract().path("version");
        String text = "That is pure flibbertigibbet.";
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/check").then()
                .body("decision", equalTo("ALLOW"));

        Files.writeString(RULES.resolve("en/zz-test.yaml"), """
                language: en
                category: obscene
                rules:
                  - id: en.obscene.test-word
                    severity: high
                    terms: [flibbertigibbet]
                    examples:
                      match: ["flibbertigibbet!"]
                      noMatch: ["a gibbet"]
                """);
        String after = given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/ruleset/reload").then()
                .statusCode(200).body("version", not(equalTo(before))).extract().path("version");
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/check").then()
                .body("decision", equalTo("REJECT"))
                .body("matches.ruleId", hasItem("en.obscene.test-word"))
                .body("rulesetVersion", equalTo(after));

        Files.writeString(RULES.resolve("en/zz-test.yaml"), """
                language: en
                category: obscene
                rules:
                  - id: en.obscene.test-word
                    severity: high
                    terms: [flibbertigibbet]
                    examples:
                      match: ["this example does not contain the word"]
                """);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/ruleset/reload").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("en.obscene.test-word"));
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/check").then()
                .body("decision", equalTo("REJECT"))
                .body("rulesetVersion", equalTo(after));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.data.lastError", containsString("en.obscene.test-word"));
        given().get("/q/metrics").then().body(containsString("moderation_ruleset_last_reload_failed 1.0"));
    }

    @Test
    void adminEndpointsAreNotOpenToAnonymousCallersOrModerators() {
        given().get("/api/v1/admin/ruleset").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/v1/admin/ruleset/reload").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/v1/admin/ruleset").then().statusCode(401);
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/admin/ruleset").then()
                .statusCode(403).contentType("application/problem+json");
    }

    /** A fresh copy: an edit left by an earlier run must not be loaded. */
    static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
