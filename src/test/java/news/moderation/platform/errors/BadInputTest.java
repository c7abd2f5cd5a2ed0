package news.moderation.platform.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.RawHttp;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** Whatever a client sends, it gets a clear RFC 9457 problem, never a 500 or a stack trace. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BadInputTest {

    @TestHTTPResource("/")
    URL server;

    private static ValidatableResponse postRaw(String contentType, byte[] body) {
        return given().contentType(contentType).body(body).post("/api/v1/comments").then();
    }

    private static ValidatableResponse postJson(String json) {
        return postRaw("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body(not(containsString("at news.moderation")))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        isProblem(postJson("{\"articleId\": \"a\", "), 400);
        isProblem(postJson("[1, 2, 3]"), 400);
        isProblem(postJson("null"), 400);
    }

    @Test
    void wrongContentType() {
        isProblem(postRaw("text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415);
        isProblem(given().contentType(ContentType.JSON).body("{}").put("/api/v1/comments").then(), 405);
    }

    @Test
    void missingAndBlankFieldsAreNamed() {
        isProblem(postJson("{\"articleId\": \" \", \"body\": \"hi\"}"), 400)
                .body("errors.field", hasItem("articleId"))
                .body("errors.field", hasItem("authorId"))
                .body("errors.field", hasItem("authorName"));
    }

    @Test
    void bodyLengthLimits() {
        isProblem(postJson(comment("")), 400).body("errors.field", hasItem("body"));
        isProblem(postJson(comment("x".repeat(10_001))), 400).body("errors.field", hasItem("body"));
    }

    @Test
    void oversizedPayload() {
        isProblem(postJson(comment("x".repeat(70_000))), 413);
    }

    /** The sizes of the review: a 200 kB comment and a 900 kB check sent chunked, and past Vert.x's 1 MiB ceiling. */
    @Test
    void chunkedBodiesAreCountedAsTheyAreRead() throws IOException {
        for (String[] request : new String[][] { { "/api/v1/comments", comment("x".repeat(200_000)) },
                { "/api/v1/check", "{\"text\":\"" + "fuck".repeat(225_000) + "\"}" },
                { "/api/v1/check", "{\"text\":\"" + "x".repeat(1_200_000) + "\"}" } }) {
            RawHttp.Answer answer = RawHttp.send(server, "POST " + request[0] + " HTTP/1.1\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked", RawHttp.chunked(request[1].getBytes(StandardCharsets.UTF_8)));
            assertEquals(413, answer.status(), answer.body());
            assertTrue(answer.head().toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"));
            assertTrue(answer.body().contains("larger than 65536 bytes"), answer.body());
        }
    }

    @Test
    void invalidUtf8() {
        byte[] prefix = "{\"articleId\":\"a\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3; // a lead byte followed by
        body[prefix.length + 1] = (byte) 0x28; // a byte that cannot continue it
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        isProblem(postRaw("application/json", body), 400);
    }

    @Test
    void controlCharactersAndLoneSurrogates() {
        isProblem(postJson(comment("bell \\u0007 here")), 400).body("errors.field", hasItem("body"));
        isProblem(postJson(comment("half \\ud800 a pair")), 400).body("errors.field", hasItem("body"));
        isProblem(postJson("{\"articleId\":\"a\\nb\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"ok\"}"), 400)
                .body("errors.field", hasItem("articleId"));
    }

    @Test
    void wrongTypesAndBadHeaders() {
        isProblem(postJson("{\"articleId\":\"a\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"ok\",\"parentId\":\"nope\"}"), 400)
                .body("errors.field", hasItem("parentId"));
        isProblem(postJson("{\"articleId\":\"a\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"ok\",\"lang\":\"english!\"}"), 400)
                .body("errors.field", hasItem("lang"));
        isProblem(given().header("Idempotency-Key", "has spaces").contentType(ContentType.JSON)
                .body(comment("ok")).post("/api/v1/comments").then(), 400)
                .body("errors.field", contains("idempotencyKey"))
                .body("errors.message", contains("must be printable ASCII without spaces"));
        // Each rule the key breaks is one error.
        isProblem(given().header("Idempotency-Key", "a b".repeat(67)).contentType(ContentType.JSON)
                .body(comment("ok")).post("/api/v1/comments").then(), 400)
                .body("errors.field", contains("idempotencyKey", "idempotencyKey"))
                .body("errors.message", hasItems("must be printable ASCII without spaces",
                        "size must be between 1 and 200"));
    }

    @Test
    void checkEndpointValidatesToo() {
        isProblem(given().contentType(ContentType.JSON).body("{}").post("/api/v1/check").then(), 400)
                .body("errors.field", hasItem("text"));
        isProblem(given().contentType(ContentType.JSON).body("{\"text\":\"hi\",\"verdict\":\"ALLOW\"}")
                .post("/api/v1/check").then(), 400);
    }

    @Test
    void unknownPathsAndIds() {
        isProblem(given().get("/api/v1/comments/not-a-uuid").then(), 404);
        isProblem(given().get("/api/v1/nothing-here").then(), 404);
    }

    private static String comment(String body) {
        return "{\"articleId\":\"a\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"" + body + "\"}";
    }
}
