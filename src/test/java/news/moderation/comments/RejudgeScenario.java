package news.moderation.comments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTestProfile;
import news.moderation.platform.security.Tokens;

/**
 * Comments held by a ruleset, then a ruleset that clears one of them: what the re-judging settings make of that. The
 * service serves rule files of the test's own (the real policy, and two invented words that hold a comment for review),
 * which it edits and reloads.
 */
final class RejudgeScenario {

    static final String CLEARED = "What a flibbertigibbet of a budget.";
    static final String STILL_HELD = "What a snollygoster of a mayor.";

    /** The settings under test, and a rules directory of its own (each profile starts its own service). */
    abstract static class Profile implements QuarkusTestProfile {
        private final Path rules;
        private final Map<String, String> rejudgeSettings;

        /** {@code rejudgeSettings}: the moderation.rejudge settings given; the others keep their defaults. */
        Profile(String rules, Map<String, String> rejudgeSettings) {
            this.rules = Path.of(rules);
            this.rejudgeSettings = rejudgeSettings;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            writeRules(rules, false, "flibbertigibbet", "snollygoster");
            Map<String, String> settings = new HashMap<>(rejudgeSettings);
            settings.put("moderation.rules.dir", rules.toString());
            settings.put("moderation.rules.reload-interval", "1h"); // only the test's own reloads
            return settings;
        }
    }

    record Held(String cleared, String stillHeld, String versionBefore, String versionAfter) {
    }

    private RejudgeScenario() {
    }

    /** Holds two comments under the first ruleset, then reloads rules that hold only one of them. */
    static Held holdThenReloadRulesThatClearOne() {
        return holdThenReloadRulesThatClearOne(RejudgeScenario::reload);
    }

    /**
     * As {@link #holdThenReloadRulesThatClearOne()}, the reload to the rules that clear one made by {@code reload}
     * (which returns the version now serving). With re-judging on, returns once the pass it started has ended.
     */
    static Held holdThenReloadRulesThatClearOne(Supplier<String> reload) {
        // The directory the test's profile serves.
        Path directory = Path.of(ConfigProvider.getConfig().getValue("moderation.rules.dir", String.class));
        writeRules(directory, false, "flibbertigibbet", "snollygoster");
        String before = reloadAndAwaitRejudging(RejudgeScenario::reload);
        String article = "article-rejudge-" + UUID.randomUUID();
        String cleared = Comments.submit(Comments.comment(article, CLEARED)).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).body("verdict.rulesetVersion", equalTo(before))
                .extract().path("id");
        String stillHeld = Comments.submit(Comments.comment(article, STILL_HELD)).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id");

        writeRules(directory, false, "snollygoster");
        String after = reloadAndAwaitRejudging(reload);
        return new Held(cleared, stillHeld, before, after);
    }

    /**
     * Holds a top-level comment and a reply with the same word, then reloads rules that hold the word only in a
     * reply: the top-level comment is the one cleared.
     */
    static Held holdThenReloadRulesForRepliesOnly() {
        Path directory = Path.of(ConfigProvider.getConfig().getValue("moderation.rules.dir", String.class));
        writeRules(directory, false, "snollygoster");
        String before = reloadAndAwaitRejudging(RejudgeScenario::reload);
        String article = "article-rejudge-reply-" + UUID.randomUUID();
        String topLevel = Comments.submit(Comments.comment(article, "Snollygoster.")).statusCode(201)
                .body("status", equalTo("PENDING_REVIEW")).extract().path("id");
        Map<String, Object> answer = Comments.comment(article, "Snollygoster.");
        answer.put("parentId", topLevel);
        String reply = Comments.submit(answer).statusCode(201).body("status", equalTo("PENDING_REVIEW"))
                .extract().path("id");

        writeRules(directory, true, "snollygoster");
        String after = reloadAndAwaitRejudging(RejudgeScenario::reload);
        return new Held(topLevel, reply, before, after);
    }

    /**
     * Reloads with {@code reload}; when that changed the version and re-judging is on, returns once the background
     * pass the change started has ended (so that a test sees its outcome, and the next reload starts its own pass).
     */
    private static String reloadAndAwaitRejudging(Supplier<String> reload) {
        String serving = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/ruleset").then().statusCode(200)
                .extract().path("version");
        double passesBefore = rejudgePasses();
        String version = reload.get();
        if (!version.equals(serving)
                && ConfigProvider.getConfig().getValue("moderation.rejudge.enabled", Boolean.class)) {
            awaitRejudgePassAfter(passesBefore);
        }
        return version;
    }

    static String reload() {
        return given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/ruleset/reload").then().statusCode(200)
                .extract().path("version");
    }

    /** How many re-judging passes have ended, whatever their outcome ({@code moderation_rejudge_passes_total}). */
    private static double rejudgePasses() {
        Matcher passes = Pattern.compile("(?m)^moderation_rejudge_passes_total\\{[^}]*} (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        double ended = 0;
        while (passes.find()) {
            ended += Double.parseDouble(passes.group(1));
        }
        return ended;
    }

    private static void awaitRejudgePassAfter(double passesBefore) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rejudgePasses() <= passesBefore) {
            assertTrue(System.nanoTime() < deadline, "no re-judging pass ended within 30 s of the reload");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String statusOf(String id) {
        return given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .statusCode(200).extract().path("comment.status");
    }

    static void untouched(String id, String version) {
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/moderation/comments/{id}", id).then()
                .statusCode(200)
                .body("comment.status", equalTo("PENDING_REVIEW"))
                .body("comment.verdict.decision", equalTo("REVIEW"))
                .body("comment.verdict.rulesetVersion", equalTo(version))
                .body("version", equalTo(0));
    }

    /** "fromStatus→status decision rulesetVersion rejudged" of each comment.judged event of the comment, in order. */
    static List<String> judgedEvents(String id) {
        try (Connection connection = Arc.container().instance(AgroalDataSource.class).get().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT payload->>'fromStatus', "
                        + "payload->>'status', payload->>'decision', payload->>'rulesetVersion', "
                        + "payload->>'rejudged' FROM domain_event WHERE comment_id = ? AND type = 'comment.judged' "
                        + "ORDER BY seq")) {
            query.setObject(1, UUID.fromString(id));
            List<String> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1) + "→" + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real policy and one rule holding each of {@code words} for review (personal attacks of medium severity),
     * in replies only when {@code repliesOnly} ({@code scope: reply}).
     */
    private static void writeRules(Path directory, boolean repliesOnly, String... words) {
        try {
            Files.createDirectories(directory.resolve("en"));
            Files.copy(Path.of("rules/policy.yaml"), directory.resolve("policy.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            StringBuilder file = new StringBuilder("language: en\ncategory: personal_attack\nrules:\n");
            for (String word : words) {
                file.append("""
                          - id: en.personal_attack.test-%s
                            severity: medium%s
                            terms: [%s]
                            examples:
                              match: ["you %s"]
                        """.formatted(word, repliesOnly ? "\n    scope: reply" : "", word, word));
            }
            Files.writeString(directory.resolve("en/held.yaml"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
