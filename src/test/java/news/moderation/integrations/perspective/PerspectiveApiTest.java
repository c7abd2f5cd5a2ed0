package news.moderation.integrations.perspective;

import static io.restassured.RestAssured.given;
import static news.moderation.integrations.perspective.PerspectiveClient.coralAnalyzeBody;
import static news.moderation.integrations.perspective.PerspectiveClient.post;
import static news.moderation.integrations.perspective.PerspectiveClient.quoted;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/** The Perspective-compatible API, called as Perspective's documentation and Coral's toxicity phase call it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PerspectiveApiTest {

    private static final String ANALYZE = "/v1alpha1/comments:analyze";
    private static final String SUGGEST = "/v1alpha1/comments:suggestscore";
    private static final float THRESHOLD = 0.80f;

    private static String key;

    @BeforeEach
    void siteKey() {
        if (key == null) {
            key = PerspectiveClient.newKey();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1alpha1/comments:analyze", "/comments:analyze" })
    void coralsToxicityPhaseFlagsWhatTheEngineHoldsAndOnlyThat(String path) {
        String text = "You are an idiot.";
        post(path, key, coralAnalyzeBody(text)).statusCode(200)
                .contentType("application/json")
                .body("attributeScores.TOXICITY.summaryScore.value", greaterThan(THRESHOLD))
                .body("attributeScores.TOXICITY.summaryScore.type", equalTo("PROBABILITY"))
                .body("attributeScores.TOXICITY.spanScores[0].begin", equalTo(0))
                .body("attributeScores.TOXICITY.spanScores[0].end", equalTo(text.length()))
                .body("languages", contains("en"));
        post(path, key, coralAnalyzeBody("Thanks, a clear and fair article.")).statusCode(200)
                .body("attributeScores.TOXICITY.summaryScore.value", lessThanOrEqualTo(THRESHOLD))
                .body("attributeScores.TOXICITY.spanScores", hasSize(1));
        post(path, key, coralAnalyzeBody("I will find you and kill you")).statusCode(200)
                .body("attributeScores.TOXICITY.summaryScore.value", greaterThan(THRESHOLD));
    }

    @Test
    void aPercentEncodedColonNamesTheSameMethod() {
        given().urlEncodingEnabled(false).header("Content-Type", "application/json").queryParam("key", key)
                .body(coralAnalyzeBody("hello"))
                .post("/v1alpha1/comments%3Aanalyze").then().statusCode(200);
    }

    @Test
    void everyAttributeIsScoredFromTheMatchingCategories() {
        String body = """
                {"comment": {"text": "You are an idiot and I will find you and kill you."},
                 "requestedAttributes": {"TOXICITY": {}, "SEVERE_TOXICITY": {}, "IDENTITY_ATTACK": {}, "INSULT": {},
                   "PROFANITY": {}, "THREAT": {}, "SEXUALLY_EXPLICIT": {}, "OBSCENE": {}, "ATTACK_ON_COMMENTER": {},
                   "ATTACK_ON_AUTHOR": {}},
                 "clientToken": "req-42", "sessionId": "s-1", "context": {"entries": [{"text": "earlier"}]}}""";
        post(ANALYZE, key, body).statusCode(200)
                .body("attributeScores.keySet()", hasSize(10))
                .body("attributeScores.INSULT.summaryScore.value", greaterThan(THRESHOLD))
                .body("attributeScores.ATTACK_ON_COMMENTER.summaryScore.value", greaterThan(THRESHOLD))
                .body("attributeScores.THREAT.summaryScore.value", greaterThan(THRESHOLD))
                .body("attributeScores.SEVERE_TOXICITY.summaryScore.value", greaterThan(THRESHOLD))
                .body("attributeScores.IDENTITY_ATTACK.summaryScore.value", lessThanOrEqualTo(0.1f))
                .body("attributeScores.PROFANITY.summaryScore.value", lessThanOrEqualTo(0.1f))
                .body("clientToken", equalTo("req-42"))
                .body("languages", hasSize(0));
    }

    @Test
    void spanAnnotationsScoreEachSentenceAfterTheWholeText() {
        String text = "Thanks for the article. You are an idiot.";
        post(ANALYZE, key, "{\"comment\":{\"text\":" + quoted(text) + "},\"spanAnnotations\":true,"
                + "\"requestedAttributes\":{\"INSULT\":{}}}").statusCode(200)
                .body("attributeScores.INSULT.spanScores", hasSize(3))
                .body("attributeScores.INSULT.spanScores[0].begin", equalTo(0))
                .body("attributeScores.INSULT.spanScores[0].end", equalTo(text.length()))
                .body("attributeScores.INSULT.spanScores[1].begin", equalTo(0))
                .body("attributeScores.INSULT.spanScores[1].end", equalTo(23))
                .body("attributeScores.INSULT.spanScores[1].score.value", lessThanOrEqualTo(0.1f))
                .body("attributeScores.INSULT.spanScores[2].begin", equalTo(24))
                .body("attributeScores.INSULT.spanScores[2].end", equalTo(text.length()))
                .body("attributeScores.INSULT.spanScores[2].score.value", greaterThan(THRESHOLD));
    }

    @Test
    void anAttributeBelowItsScoreThresholdIsLeftOut() {
        post(ANALYZE, key, "{\"comment\":{\"text\":\"You are an idiot.\"},\"requestedAttributes\":"
                + "{\"INSULT\":{\"scoreThreshold\":0.5},\"THREAT\":{\"scoreThreshold\":0.5,\"scoreType\":\"PROBABILITY\"}}}")
                .statusCode(200)
                .body("attributeScores", hasKey("INSULT"))
                .body("attributeScores", not(hasKey("THREAT")));
    }

    @Test
    void anyLanguageHintIsAccepted() {
        post(ANALYZE, key, "{\"comment\":{\"text\":\"Du bist ein Idiot.\"},\"languages\":[\"xx-YY\"],"
                + "\"requestedAttributes\":{\"TOXICITY\":{}}}").statusCode(200)
                .body("languages", contains("xx-YY"));
    }

    @Test
    void refusalsComeInGooglesErrorEnvelope() {
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"\"},\"requestedAttributes\":{\"TOXICITY\":{}}}"),
                "COMMENT_EMPTY");
        error(post(ANALYZE, key, "{\"requestedAttributes\":{\"TOXICITY\":{}}}"), "COMMENT_EMPTY");
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"" + "a".repeat(20 * 1024 + 1)
                + "\"},\"requestedAttributes\":{\"TOXICITY\":{}}}"), "COMMENT_TOO_LONG");
        post(ANALYZE, key, "{\"comment\":{\"text\":\"" + "a".repeat(20 * 1024)
                + "\"},\"requestedAttributes\":{\"TOXICITY\":{}}}").statusCode(200);
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"hello\"},\"requestedAttributes\":{}}"),
                "NO_REQUESTED_ATTRIBUTES");
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"hello\"}}"), "NO_REQUESTED_ATTRIBUTES");
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"hello\"},\"requestedAttributes\":{\"UNSUBSTANTIAL\":{}}}"),
                "INVALID_REQUEST");

        post(ANALYZE, key, "{\"comment\":").statusCode(400)
                .body("error.code", equalTo(400)).body("error.status", equalTo("INVALID_ARGUMENT"));
        post(ANALYZE, null, coralAnalyzeBody("hello")).statusCode(403)
                .body("error.status", equalTo("PERMISSION_DENIED"));
        post(ANALYZE, "mk_not-a-key", coralAnalyzeBody("hello")).statusCode(400)
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.details[0].reason", equalTo("API_KEY_INVALID"));
        given().header("Content-Type", "application/json").header("X-Goog-Api-Key", key)
                .body(coralAnalyzeBody("hello")).post(ANALYZE).then().statusCode(200);
    }

    @Test
    void aModeratorsCorrectionFromCoralCountsInTheRulesPrecision() {
        Instant from = Instant.now().minusSeconds(60);
        String text = "You are a moron.";
        // What Coral sends when a moderator approves: the score it should have had, keyed by the comment.
        String suggestion = """
                {"comment":{"text":%s},"context":{"entries":[{"text":"{\\"url\\":\\"http://localhost/story?commentID=c-1\\",\\"Coral_comment_id\\":\\"c-1\\"}"}]},
                 "attributeScores":{"TOXICITY":{"summaryScore":{"value":0}}},"languages":["en"],
                 "communityId":"Coral:http://localhost","clientToken":"comment:c-1"}""".formatted(quoted(text));
        post("/v1alpha1/comments:suggestscore", key, suggestion).statusCode(200)
                .body("clientToken", equalTo("comment:c-1"));

        String rule = given().contentType("application/json").body("{\"text\":" + quoted(text) + "}")
                .post("/api/v1/check").then().extract().path("matches[0].ruleId");
        given().auth().oauth2(Tokens.moderator()).queryParam("from", from.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/moderation/stats").then().statusCode(200)
                .body("rules.find { it.ruleId == '" + rule + "' }.overturned", greaterThanOrEqualTo(1));

        error(post("/comments:suggestscore", key, "{\"comment\":{\"text\":\"hi\"},\"attributeScores\":{}}"),
                "INVALID_REQUEST");
    }

    @Test
    void aClientTokenIsAnIdOfAtMost2000PlainCharacters() {
        post(SUGGEST, key, suggestion("Nice piece.", "t".repeat(2000))).statusCode(200);
        error(post(SUGGEST, key, suggestion("Nice piece.", "t".repeat(2001))), "INVALID_REQUEST");
        error(post(SUGGEST, key, suggestion("Nice piece.", "comment:\u0000c-1")), "INVALID_REQUEST");
        error(post(ANALYZE, key, "{\"comment\":{\"text\":\"hello\"},\"requestedAttributes\":{\"TOXICITY\":{}},"
                + "\"clientToken\":\"" + "t".repeat(2001) + "\"}"), "INVALID_REQUEST");
    }

    @Test
    void aSuggestedScoreIsNotCountedAsAVerdict() {
        double before = verdictsCounted();
        post(SUGGEST, key, suggestion("You are a moron.", "comment:c-2")).statusCode(200);
        assertEquals(before, verdictsCounted());
        post(ANALYZE, key, coralAnalyzeBody("You are a moron.")).statusCode(200);
        assertEquals(before + 1, verdictsCounted());
    }

    /** A moderator's approval of {@code text}, as Coral sends it. */
    private static String suggestion(String text, String clientToken) {
        return "{\"comment\":{\"text\":" + quoted(text) + "},\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":"
                + "{\"value\":0}}},\"languages\":[\"en\"],\"clientToken\":" + quoted(clientToken) + "}";
    }

    private static double verdictsCounted() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("moderation_verdicts_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void error(ValidatableResponse response, String errorType) {
        response.statusCode(400)
                .contentType("application/json")
                .body("error.code", equalTo(400))
                .body("error.status", equalTo("INVALID_ARGUMENT"))
                .body("error.message", not(equalTo(null)))
                .body("error.details[0].'@type'", equalTo("type.googleapis.com/google.commentanalyzer.v1alpha1.Error"))
                .body("error.details[0].errorType", equalTo(errorType));
    }
}
