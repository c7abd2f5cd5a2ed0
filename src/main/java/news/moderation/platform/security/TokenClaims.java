package news.moderation.platform.security;

import java.io.IOException;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.platform.errors.Problem;
import news.moderation.platform.validation.TextRules;

/**
 * The claims of a bearer token that this service uses, checked as strictly as any other input: the moderator's name
 * ({@code upn}, else {@code preferred_username}, else {@code sub}) is recorded in the audit trail, so it is at most 200
 * characters with nothing invisible in it; {@code groups} is a JSON array of strings (MicroProfile JWT). A single
 * string is refused rather than split on spaces: {@code "reader admin"} must never grant admin. A token that breaks
 * either is answered 400 naming the claim.
 * <p>
 * Checked on the token as sent, before its signature is verified: the verifier itself fails on a {@code groups}
 * object (a cast, answered 500), so the shape has to be right before it runs. Nothing here trusts the claims; a token
 * that passes still has to be verified, and one with a forged signature still gets 401.
 */
public class TokenClaims {

    static final int MAX_NAME_LENGTH = 200;
    private static final String BEARER = "Bearer ";
    private static final List<String> NAME_CLAIMS = List.of("upn", "preferred_username", "sub");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerRequestFilter(preMatching = true)
    public Response checkBearerClaims(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        JsonNode claims = payload(authorization.substring(BEARER.length()).strip());
        return claims == null ? null : check(claims);
    }

    private static Response check(JsonNode claims) {
        JsonNode groups = claims.get("groups");
        if (groups != null && !(groups.isArray() && allText(groups))) {
            return refused("groups", "must be a JSON array of role names, such as [\"moderator\"]");
        }
        for (String claim : NAME_CLAIMS) {
            JsonNode name = claims.get(claim);
            if (name != null) {
                if (!name.isTextual() || name.textValue().isBlank() || name.textValue().length() > MAX_NAME_LENGTH
                        || !TextRules.allows(TextRules.Kind.NAME_OR_ID, name.textValue())) {
                    return refused(claim, "must be a name of 1 to " + MAX_NAME_LENGTH + " visible characters");
                }
                return null; // the first present one names the moderator
            }
        }
        return null;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The claims of a signed JWT, or null when it is not one (then it is the verifier's to refuse with 401). */
    private static JsonNode payload(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims != null && claims.isObject() ? claims : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Response refused(String claim, String message) {
        return Problem.response(Response.Status.BAD_REQUEST, "The bearer token's " + claim + " claim " + message,
                List.of(new Problem.FieldError(claim, message)));
    }
}
