package news.moderation.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.Problem;
import news.moderation.platform.validation.TextRules;

/**
 * The claims of a verified token that this service uses, checked as strictly as any other input: the moderator's name
 * ({@code upn}, else {@code preferred_username}, else {@code sub}) is recorded in the audit trail, so it is at most 200
 * characters with nothing invisible in it; {@code groups} is a JSON array of strings (MicroProfile JWT). A single
 * string is refused rather than split on spaces: {@code "reader admin"} must never grant admin. A token that breaks
 * either is answered 400 naming the claim.
 */
@ApplicationScoped
public class TokenClaims implements SecurityIdentityAugmentor {

    static final int MAX_NAME_LENGTH = 200;
    private static final List<String> NAME_CLAIMS = List.of("upn", "preferred_username", "sub");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null) {
            check(payload(token.getRawToken()));
        }
        return Uni.createFrom().item(identity);
    }

    private static void check(JsonNode claims) {
        JsonNode groups = claims.get("groups");
        if (groups != null && !(groups.isArray() && allText(groups))) {
            throw refused("groups", "must be a JSON array of role names, such as [\"moderator\"]");
        }
        for (String claim : NAME_CLAIMS) {
            JsonNode name = claims.get(claim);
            if (name != null) {
                if (!name.isTextual() || name.textValue().isBlank() || name.textValue().length() > MAX_NAME_LENGTH
                        || !TextRules.allows(TextRules.Kind.NAME_OR_ID, name.textValue())) {
                    throw refused(claim, "must be a name of 1 to " + MAX_NAME_LENGTH + " visible characters");
                }
                return; // the first present one names the moderator
            }
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** The payload of a token whose signature has already been verified. */
    private static JsonNode payload(String rawToken) {
        String[] parts = rawToken.split("\\.");
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw refused("token", "is not a JSON Web Token");
        }
    }

    private static ClientErrorException refused(String claim, String message) {
        return new ClientErrorException(Response.Status.BAD_REQUEST, "The bearer token's " + claim + " claim " + message,
                List.of(new Problem.FieldError(claim, message)));
    }
}
