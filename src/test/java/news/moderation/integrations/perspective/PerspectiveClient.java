package news.moderation.integrations.perspective;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.moderation.platform.security.Tokens;

/** Calls as Perspective clients make them, with a site API key created through the admin API. */
public final class PerspectiveClient {

    private PerspectiveClient() {
    }

    public static String newKey() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("siteId", "coral-site", "name", "Coral toxicity phase"))
                .post("/api/v1/admin/api-keys").then().statusCode(201).extract().path("key");
    }

    /** What Coral's toxicity phase sends: JSON.stringify({comment: {text}, doNotStore, requestedAttributes, languages}). */
    public static String coralAnalyzeBody(String text) {
        return "{\"comment\":{\"text\":" + quoted(text) + "},\"doNotStore\":true,"
                + "\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":[\"en\"]}";
    }

    public static ValidatableResponse post(String path, String key, String body) {
        // The colon of "comments:analyze" as Coral and Google's libraries send it: not percent-encoded.
        var request = given().urlEncodingEnabled(false).header("Content-Type", "application/json");
        if (key != null) {
            request.queryParam("key", key);
        }
        return request.body(body).post(path).then();
    }

    public static String quoted(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
