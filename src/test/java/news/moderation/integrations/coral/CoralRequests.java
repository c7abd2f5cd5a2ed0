package news.moderation.integrations.coral;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import news.moderation.platform.security.Tokens;

/**
 * Requests as Coral's external moderation phase sends them: {@code JSON.stringify(request, null, 2)} (two-space
 * indented, "key": value), signed with {@code sha256=<hex>} per active secret.
 */
public final class CoralRequests {

    public static final String PATH = "/api/v1/integrations/coral/moderation";
    /** The secrets of the test profile (application.properties). */
    public static final String CURRENT_SECRET = "empsec_test-current-5f0c";
    public static final String PREVIOUS_SECRET = "empsec_test-previous-9a1e";
    public static final String SITE = "a4bede88-2d2c-4424-bc18-4322a9e285a6";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CoralRequests() {
    }

    /** Calls of the Coral site's own backend: Coral's comments belong to its site (sites are tenants). */
    public static RequestSpecification asCoralSite() {
        String key = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", SITE, "name", "Coral site backend"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
        return given().header("X-Api-Key", key);
    }

    public static String newStory() {
        return "story-" + UUID.randomUUID();
    }

    public static String newAuthor() {
        return "author-" + UUID.randomUUID();
    }

    /** A request body laid out byte for byte as Coral's JSON.stringify(…, null, 2) writes it. */
    public static String body(String action, String commentBody, String authorId, String role, String storyId) {
        return """
                {
                  "action": %s,
                  "comment": {
                    "body": %s,
                    "parentID": null
                  },
                  "author": {
                    "id": %s,
                    "role": %s
                  },
                  "story": {
                    "id": %s,
                    "url": "http://localhost:1313/posts/a-story-url/"
                  },
                  "site": {
                    "id": %s
                  },
                  "tenantID": "19ba5794-7eeb-4d46-a81b-c00c61672501",
                  "tenantDomain": "localhost"
                }""".formatted(string(action), string(commentBody), string(authorId), string(role), string(storyId),
                string(SITE));
    }

    public static String signature(String body, String... secrets) {
        return Arrays.stream(secrets).map(secret -> "sha256=" + hmac(secret, body)).collect(Collectors.joining(","));
    }

    /** Posts as Coral does, signed with the current secret. */
    public static ValidatableResponse send(String body) {
        return send(body, signature(body, CURRENT_SECRET));
    }

    public static ValidatableResponse send(String body, String signature) {
        var request = given().header("Content-Type", "application/json").header("User-Agent", "Coral Moderation/9.0.0");
        if (signature != null) {
            request.header("X-Coral-Signature", signature);
        }
        return request.body(body.getBytes(StandardCharsets.UTF_8)).post(PATH).then();
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As JSON.stringify writes it: a lone surrogate half is escaped (\\ud800), everything else as Jackson does. */
    private static String string(String value) {
        try {
            StringBuilder json = new StringBuilder();
            JSON.writeValueAsString(value).codePoints().forEach(c -> json.append(
                    c <= Character.MAX_VALUE && Character.isSurrogate((char) c) ? "\\u%04x".formatted(c)
                            : Character.toString(c)));
            return json.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
