package news.moderation.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
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

    /** Every test starts from the real rules, serving: an edit left by another test is undone. */
    @BeforeEach
    void servingAFreshCopyOfTheRules() {
        copy(Path.of("rules"), RULES);
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/ruleset/reload").then().statusCode(200);
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

    /**
     * The rule file of the report (re2j ran out of heap compiling it on every reload, and the threads died): refused
     * before compiling, the old ruleset serves on, and the refusal shows in the three places an operator looks.
     */
    @Test
    void aRuleThatWouldExhaustMemoryIsRefusedAndShowsInStatusReadinessAndMetrics() throws IOException {
        String serving = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset").then()
                .statusCode(200).extract().path("version");
        double failuresBefore = reloadFailures();
        Path bomb = RULES.resolve("en/zz-bomb.yaml");
        Files.writeString(bomb, RuleBomb.FILE);
        String line = "en/zz-bomb.yaml, rule en.obscene.bomb: pattern over the compile budget: nested repeat "
                + "counts multiply to 1000000, more than 1000";
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/ruleset/reload").then()
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(line));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset").then().statusCode(200)
                .body("version", equalTo(serving))
                .body("lastError", equalTo(line))
                .body("lastErrorAt", notNullValue());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ruleset' }.data.lastError", equalTo(line));
        assertEquals(failuresBefore + 1, reloadFailures());
        given().contentType(ContentType.JSON).body(Map.of("text", "what the fuck")).post("/api/v1/check").then()
                .statusCode(200).body("decision", equalTo("REJECT")).body("rulesetVersion", equalTo(serving));
        given().get("/q/health/live").then().statusCode(200);
    }

    private static double reloadFailures() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("moderation_ruleset_reload_failures_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no moderation_ruleset_reload_failures_total"));
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
