package news.moderation.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.integrations.coral.CoralRequests;
import news.moderation.platform.RawHttp;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;

/**
 * Every endpoint against every kind of bad input: each is refused with the expected 4xx and a problem body (in
 * Google's error envelope on the Perspective-compatible API, which its clients parse), naming the field where there is
 * one; never a 5xx. Requests are written byte for byte ({@link RawHttp}), so that what is sent is exactly the case.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MalformedInputMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String ANY_ID = UUID.randomUUID().toString();
    private static final String COMMENT = "{\"articleId\":\"a\",\"authorId\":\"b\",\"authorName\":\"c\",\"body\":\"ok\"}";
    private static final String HUGE_INSTANT = "+1000000000-01-01T00:00:00Z";
    private static final int MAX_REQUEST_BYTES = 65536;

    /** How a refusal is written: RFC 9457 problems, Google's envelope, or the HTTP layer's bare status. */
    enum Form {
        PROBLEM, GOOGLE, BARE
    }

    record Case(String name, String method, String target, String contentType, byte[] body, String token,
            List<String> headers, boolean sentChunked, int status, String field, Form form) {

        Case expect(int expectedStatus, String expectedField) {
            return new Case(name, method, target, contentType, body, token, headers, sentChunked, expectedStatus,
                    expectedField, form);
        }

        Case header(String header) {
            List<String> more = new ArrayList<>(headers);
            more.add(header);
            return new Case(name, method, target, contentType, body, token, more, sentChunked, status, field, form);
        }

        Case chunked() {
            return new Case(name + " (chunked)", method, target, contentType, body, token, headers, true, status,
                    field, form);
        }

        Case form(Form refusalForm) {
            return new Case(name, method, target, contentType, body, token, headers, sentChunked, status, field,
                    refusalForm);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @TestHTTPResource("/")
    URL server;

    static Case get(String name, String target, String token) {
        return new Case(name, "GET", target, null, new byte[0], token, List.of(), false, 400, null, Form.PROBLEM);
    }

    static Case post(String name, String target, String token, String json) {
        return post(name, target, token, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
    }

    static Case post(String name, String target, String token, String contentType, byte[] body) {
        return new Case(name, "POST", target, contentType, body, token, List.of(), false, 400, null, Form.PROBLEM);
    }

    static Stream<Case> cases() {
        String moderator = Tokens.moderator();
        String admin = Tokens.admin();
        List<Case> cases = new ArrayList<>();

        // Bodies any JSON endpoint must refuse, on every JSON endpoint.
        record JsonEndpoint(String target, String token, String validBody) {
        }
        List<JsonEndpoint> jsonEndpoints = List.of(
                new JsonEndpoint("/api/v1/comments", null, COMMENT),
                new JsonEndpoint("/api/v1/check", null, "{\"text\":\"ok\"}"),
                new JsonEndpoint("/api/v1/comments/" + ANY_ID + "/reports", null,
                        "{\"reporterId\":\"r\",\"reason\":\"spam\"}"),
                new JsonEndpoint("/api/v1/moderation/queue/claim", moderator, "{\"limit\":1}"),
                new JsonEndpoint("/api/v1/moderation/comments/" + ANY_ID + "/decision", moderator,
                        "{\"action\":\"APPROVE\",\"expectedVersion\":0}"),
                new JsonEndpoint("/api/v1/moderation/decisions", moderator, "{\"decisions\":[]}"),
                new JsonEndpoint("/api/v1/moderation/authors/someone/status", moderator,
                        "{\"status\":\"ACTIVE\",\"reason\":\"ok\"}"),
                new JsonEndpoint("/api/v1/admin/api-keys", admin, "{\"siteId\":\"s\",\"name\":\"n\"}"));
        for (JsonEndpoint endpoint : jsonEndpoints) {
            String at = " → " + endpoint.target();
            String valid = endpoint.validBody();
            String firstKey = valid.substring(1, valid.indexOf(':'));
            cases.add(post("truncated JSON" + at, endpoint.target(), endpoint.token(), valid.substring(0, 5)));
            cases.add(post("empty body" + at, endpoint.target(), endpoint.token(), ""));
            cases.add(post("null" + at, endpoint.target(), endpoint.token(), "null"));
            cases.add(post("an array instead of an object" + at, endpoint.target(), endpoint.token(), "[" + valid + "]"));
            cases.add(post("a number instead of an object" + at, endpoint.target(), endpoint.token(), "123"));
            cases.add(post("an unknown field" + at, endpoint.target(), endpoint.token(),
                    valid.replaceFirst("\\{", "{\"status\":\"PUBLISHED\",")).expect(400, "status"));
            cases.add(post("a duplicate key" + at, endpoint.target(), endpoint.token(),
                    valid.replaceFirst("\\{", "{" + firstKey + ":null,")));
            cases.add(post("nesting 5,000 deep" + at, endpoint.target(), endpoint.token(),
                    "[".repeat(5000) + "]".repeat(5000)));
            cases.add(post("overlong UTF-8 for '/'" + at, endpoint.target(), endpoint.token(), JSON_TYPE,
                    withBytes(valid, (byte) 0xC0, (byte) 0xAF)));
            cases.add(post("a lone UTF-8 continuation byte" + at, endpoint.target(), endpoint.token(), JSON_TYPE,
                    withBytes(valid, (byte) 0x80)));
            cases.add(post("UTF-8 encoded surrogate (CESU)" + at, endpoint.target(), endpoint.token(), JSON_TYPE,
                    withBytes(valid, (byte) 0xED, (byte) 0xA0, (byte) 0x80)));
            cases.add(post("text/plain" + at, endpoint.target(), endpoint.token(), "text/plain",
                    valid.getBytes(StandardCharsets.UTF_8)).expect(415, null));
            cases.add(post("no Content-Type" + at, endpoint.target(), endpoint.token(), null,
                    valid.getBytes(StandardCharsets.UTF_8)).expect(415, null));
            Case oversized = post("a body over 64 KiB" + at, endpoint.target(), endpoint.token(), JSON_TYPE,
                    padded(valid, MAX_REQUEST_BYTES + 1)).expect(413, null);
            cases.add(oversized);
            cases.add(oversized.chunked());
        }

        // Submissions: wrong types, and names and ids that would look like something else.
        cases.add(post("body a number", "/api/v1/comments", null, COMMENT.replace("\"ok\"", "123")).expect(400, "body"));
        cases.add(post("body a boolean", "/api/v1/comments", null, COMMENT.replace("\"ok\"", "true")).expect(400, "body"));
        cases.add(post("body an object", "/api/v1/comments", null, COMMENT.replace("\"ok\"", "{}")).expect(400, "body"));
        cases.add(post("authorId a number", "/api/v1/comments", null, COMMENT.replace("\"b\"", "7")).expect(400, "authorId"));
        for (String bad : List.of("\\u0000", "\\u202e", "\\u200b", "\\u2028", "\\ufeff", "\\ufffe", "\\ud83d", "\\n")) {
            cases.add(post("authorName with " + bad, "/api/v1/comments", null,
                    COMMENT.replace("\"c\"", "\"evil" + bad + "gnp.exe\"")).expect(400, "authorName"));
            cases.add(post("authorId with " + bad, "/api/v1/comments", null,
                    COMMENT.replace("\"b\"", "\"b" + bad + "\"")).expect(400, "authorId"));
            cases.add(post("articleId with " + bad, "/api/v1/comments", null,
                    COMMENT.replace("\"a\"", "\"a" + bad + "\"")).expect(400, "articleId"));
        }
        cases.add(post("authorId over 200 characters", "/api/v1/comments", null,
                COMMENT.replace("\"b\"", "\"" + "b".repeat(201) + "\"")).expect(400, "authorId"));
        cases.add(post("a body NUL", "/api/v1/comments", null, COMMENT.replace("\"ok\"", "\"o\\u0000k\"")).expect(400, "body"));
        cases.add(post("parentId not a UUID", "/api/v1/comments", null,
                COMMENT.replace("}", ",\"parentId\":\"nope\"}")).expect(400, "parentId"));
        cases.add(post("a huge number as parentId", "/api/v1/comments", null,
                COMMENT.replace("}", ",\"parentId\":1e400}")).expect(400, "parentId"));
        cases.add(post("bad Idempotency-Key", "/api/v1/comments", null, COMMENT).header("Idempotency-Key: a b"));
        cases.add(post("check text a number", "/api/v1/check", null, "{\"text\":5}").expect(400, "text"));
        cases.add(post("check text too long", "/api/v1/check", null, "{\"text\":\"" + "x".repeat(10_001) + "\"}")
                .expect(400, "text"));
        cases.add(post("reporterId NUL", "/api/v1/comments/" + ANY_ID + "/reports", null,
                "{\"reporterId\":\"r\\u0000\",\"reason\":\"spam\"}").expect(400, "reporterId"));

        // Reads: ids, cursors and limits.
        cases.add(get("article id with NUL", "/api/v1/articles/a%00b/comments", null).expect(400, "articleId"));
        cases.add(get("article id with U+202E", "/api/v1/articles/a%E2%80%AEb/comments", null).expect(400, "articleId"));
        cases.add(get("article id with invalid UTF-8", "/api/v1/articles/a%C0%AFb/comments", null));
        cases.add(get("article id over 200", "/api/v1/articles/" + "a".repeat(201) + "/comments", null)
                .expect(400, "articleId"));
        for (String limit : List.of("abc", "0", "-1", "101", "99999999999", "1.5", "%00")) {
            cases.add(get("thread limit=" + limit, "/api/v1/articles/a/comments?limit=" + limit, null).expect(400, "limit"));
            cases.add(get("queue limit=" + limit, "/api/v1/moderation/queue?limit=" + limit, moderator).expect(400, "limit"));
        }
        for (String cursor : List.of("garbage", "%00", "YWZ0ZXI6NDI", "dGhyZWFkOng", "x".repeat(300))) {
            cases.add(get("thread cursor=" + cursor, "/api/v1/articles/a/comments?cursor=" + cursor, null)
                    .expect(400, "cursor"));
            cases.add(get("queue cursor=" + cursor, "/api/v1/moderation/queue?cursor=" + cursor, moderator)
                    .expect(400, "cursor"));
        }
        cases.add(get("comment id not a UUID", "/api/v1/comments/not-a-uuid", null).expect(404, null));
        cases.add(get("history id not a UUID", "/api/v1/moderation/comments/42/history", moderator).expect(404, null));

        // The queue's filters, the author panel and the stats.
        for (String parameter : List.of("status=FOO", "sort=FOO", "sort=oldest", "from=yesterday", "to=1700000000",
                "from=" + HUGE_INSTANT, "to=-2026-01-01T00:00:00Z", "authorId=a%00b", "articleId=a%00b",
                "category=a%00b", "category=DROP", "authorId=" + "a".repeat(201))) {
            cases.add(get("queue " + parameter, "/api/v1/moderation/queue?" + parameter, moderator)
                    .expect(400, parameter.substring(0, parameter.indexOf('='))));
        }
        for (String parameter : List.of("from=yesterday", "from=" + HUGE_INSTANT, "to=" + HUGE_INSTANT,
                "to=0000-01-01T00:00:00Z")) {
            cases.add(get("stats " + parameter, "/api/v1/moderation/stats?" + parameter, moderator)
                    .expect(400, parameter.substring(0, parameter.indexOf('='))));
        }
        cases.add(get("author id with NUL", "/api/v1/moderation/authors/a%00b", moderator).expect(400, "authorId"));
        cases.add(get("author id with U+200B", "/api/v1/moderation/authors/a%E2%80%8Bb", moderator)
                .expect(400, "authorId"));
        cases.add(get("author id over 200", "/api/v1/moderation/authors/" + "a".repeat(201), moderator)
                .expect(400, "authorId"));
        String status = "/api/v1/moderation/authors/someone/status";
        cases.add(post("standing until year 1000000000", status, moderator,
                "{\"status\":\"SUSPENDED\",\"until\":\"" + HUGE_INSTANT + "\",\"reason\":\"x\"}").expect(400, "until"));
        cases.add(post("standing until a number", status, moderator,
                "{\"status\":\"SUSPENDED\",\"until\":99999999999999,\"reason\":\"x\"}").expect(400, "until"));
        cases.add(post("standing until not a date", status, moderator,
                "{\"status\":\"SUSPENDED\",\"until\":\"soon\",\"reason\":\"x\"}").expect(400, "until"));
        cases.add(post("standing status unknown", status, moderator, "{\"status\":\"EXILED\",\"reason\":\"x\"}")
                .expect(400, "status"));
        cases.add(post("standing reason NUL", status, moderator, "{\"status\":\"ACTIVE\",\"reason\":\"x\\u0000\"}")
                .expect(400, "reason"));

        // Moderators' writes.
        for (String limit : List.of("0", "-1", "101", "\"5\"", "1e400", "99999999999", "null", "[1]")) {
            cases.add(post("claim limit " + limit, "/api/v1/moderation/queue/claim", moderator, "{\"limit\":" + limit + "}")
                    .expect(400, "limit"));
        }
        String decision = "/api/v1/moderation/comments/" + ANY_ID + "/decision";
        cases.add(post("decision action unknown", decision, moderator, "{\"action\":\"MAYBE\",\"expectedVersion\":0}")
                .expect(400, "action"));
        cases.add(post("decision version negative", decision, moderator, "{\"action\":\"APPROVE\",\"expectedVersion\":-1}")
                .expect(400, "expectedVersion"));
        cases.add(post("decision version a string", decision, moderator,
                "{\"action\":\"APPROVE\",\"expectedVersion\":\"0\"}").expect(400, "expectedVersion"));
        cases.add(post("decision reason code unknown", decision, moderator,
                "{\"action\":\"REJECT\",\"reasonCode\":\"BECAUSE\",\"expectedVersion\":0}").expect(400, "reasonCode"));
        cases.add(post("decision on a path id not a UUID", "/api/v1/moderation/comments/zz/decision", moderator,
                "{\"action\":\"APPROVE\",\"expectedVersion\":0}").expect(404, null));
        cases.add(post("bulk decisions an object", "/api/v1/moderation/decisions", moderator, "{\"decisions\":{}}")
                .expect(400, "decisions"));
        cases.add(post("bulk decisions empty", "/api/v1/moderation/decisions", moderator, "{\"decisions\":[]}")
                .expect(400, "decisions"));
        cases.add(post("api key site id with U+202E", "/api/v1/admin/api-keys", admin,
                "{\"siteId\":\"s\\u202e\",\"name\":\"n\"}").expect(400, "siteId"));

        // Coral's external moderation phase: signed, yet malformed.
        String story = "story-matrix";
        for (String[] coral : new String[][] {
                { "Coral author without role", CoralRequests.body("NEW", "Hello.", "author-1", null, story), "role" },
                { "Coral author id with NUL", CoralRequests.body("NEW", "Hello.", "a\u0000", "COMMENTER", story), "id" },
                { "Coral author id with a line break", CoralRequests.body("NEW", "Hello.", "a\nb", "COMMENTER", story), "id" },
                { "Coral story id with U+202E", CoralRequests.body("NEW", "Hello.", "author-1", "COMMENTER", "s\u202e"), "id" },
                { "Coral author id a lone surrogate", CoralRequests.body("NEW", "Hello.", "a\ud800", "COMMENTER", story), "id" },
                { "Coral body a number", CoralRequests.body("NEW", "Hello.", "author-1", "COMMENTER", story)
                        .replace("\"Hello.\"", "42"), "comment.body" },
                { "Coral action unknown", CoralRequests.body("DELETE", "Hello.", "author-1", "COMMENTER", story), "action" },
                { "Coral body an array", "[]", null } }) {
            cases.add(post(coral[0], CoralRequests.PATH, null, coral[1]).expect(400, coral[2])
                    .header("X-Coral-Signature: " + CoralRequests.signature(coral[1], CoralRequests.CURRENT_SECRET)));
        }
        cases.add(post("Coral body over 64 KiB", CoralRequests.PATH, null, JSON_TYPE,
                padded("{}", MAX_REQUEST_BYTES + 1)).expect(413, null).chunked());

        // The Perspective-compatible API: Google's envelope.
        for (String path : List.of("/v1alpha1/comments:analyze", "/v1alpha1/comments:suggestscore")) {
            cases.add(post("Perspective truncated JSON → " + path, path + "?key=mk_x", null, "{\"comment\":")
                    .form(Form.GOOGLE));
            cases.add(post("Perspective text a number → " + path, path + "?key=mk_x", null, "{\"comment\":{\"text\":5}}")
                    .form(Form.GOOGLE));
            cases.add(post("Perspective invalid UTF-8 → " + path, path + "?key=mk_x", null, JSON_TYPE,
                    withBytes("{\"comment\":{\"text\":\"hi\"}}", (byte) 0xC0, (byte) 0xAF)).form(Form.GOOGLE));
            cases.add(post("Perspective body over 64 KiB → " + path, path + "?key=mk_x", null, JSON_TYPE,
                    padded("{}", MAX_REQUEST_BYTES + 1)).expect(413, null).form(Form.GOOGLE).chunked());
        }

        // Refused before any route (MalformedUris), on every path.
        cases.add(get("percent-encoding broken in the path", "/api/v1/articles/a%zz/comments", null));
        cases.add(get("percent-encoding broken in the query", "/api/v1/articles/a/comments?cursor=%zz", null));
        cases.add(get("percent-encoding broken on a health path", "/q/health/live?x=%z", null));
        cases.add(get("a character a URI must encode", "/api/v1/articles/a%7Cb/comments?cursor=a|b", null));

        // Refused by the HTTP layer before the service sees them: a status, no problem body (README, Errors).
        cases.add(get("URI over 4 KiB", "/api/v1/articles/" + "a".repeat(5000) + "/comments", null)
                .expect(414, null).form(Form.BARE));
        cases.add(get("headers over 20 KiB", "/api/v1/articles/a/comments", null)
                .header("X-Padding: " + "p".repeat(21_000)).expect(431, null).form(Form.BARE));
        cases.add(post("Content-Length not a number", "/api/v1/comments", null, COMMENT)
                .header("Content-Length: twelve").form(Form.BARE));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAClearClientError(Case c) throws IOException {
        RawHttp.Answer answer = RawHttp.send(server, head(c), c.sentChunked() ? RawHttp.chunked(c.body()) : c.body());
        assertTrue(answer.status() < 500, () -> c + ": a server error " + answer.status() + "\n" + answer.body());
        assertEquals(c.status(), answer.status(), () -> c + ": " + answer.body());
        String contentType = header(answer, "content-type");
        switch (c.form()) {
            case PROBLEM -> {
                assertEquals("application/problem+json", contentType, () -> c + ": " + answer.head());
                JsonNode problem = JSON.readTree(answer.body());
                assertEquals(c.status(), problem.path("status").asInt(), () -> c + ": " + answer.body());
                assertTrue(problem.path("detail").isTextual(), () -> c + ": " + answer.body());
                if (c.field() != null) {
                    List<String> fields = new ArrayList<>();
                    problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                    assertTrue(fields.contains(c.field()), () -> c + ": no error names " + c.field() + ": " + answer.body());
                }
            }
            case GOOGLE -> {
                assertTrue(contentType != null && contentType.startsWith(JSON_TYPE), () -> c + ": " + answer.head());
                assertEquals(c.status(), JSON.readTree(answer.body()).path("error").path("code").asInt(),
                        () -> c + ": " + answer.body());
            }
            case BARE -> {
            }
        }
        assertTrue(!answer.body().contains("Exception") && !answer.body().contains("\tat "), () -> c + ": " + answer.body());
    }

    private static String head(Case c) {
        StringBuilder head = new StringBuilder(c.method() + " " + c.target() + " HTTP/1.1");
        if (c.contentType() != null) {
            head.append("\r\nContent-Type: ").append(c.contentType());
        }
        if (c.token() != null) {
            head.append("\r\nAuthorization: Bearer ").append(c.token());
        }
        boolean lengthGiven = c.headers().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-length"));
        if (c.sentChunked()) {
            head.append("\r\nTransfer-Encoding: chunked");
        } else if (!lengthGiven && (c.body().length > 0 || c.method().equals("POST"))) {
            head.append("\r\nContent-Length: ").append(c.body().length);
        }
        c.headers().forEach(h -> head.append("\r\n").append(h));
        return head.toString();
    }

    private static String header(RawHttp.Answer answer, String name) {
        return answer.head().lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    /** The JSON text with the raw bytes inserted into its first string value. */
    private static byte[] withBytes(String json, byte... bytes) {
        int at = json.indexOf(":\"") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Valid JSON of at least {@code size} bytes: the document followed by spaces. */
    private static byte[] padded(String json, int size) {
        return (json + " ".repeat(Math.max(0, size - json.length()))).getBytes(StandardCharsets.UTF_8);
    }
}
