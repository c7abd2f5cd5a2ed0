package news.moderation.integrations.coral;

import java.io.IOException;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.platform.errors.ClientErrorException;

/**
 * The URL of a Coral external moderation phase. The body is taken as raw bytes: the signature is over exactly those,
 * and nothing is parsed before it is checked. Refusals are problems (Coral then lets the comment through unmoderated,
 * as it does on any non-2xx answer).
 */
@Path("/api/v1/integrations/coral/moderation")
public class CoralModerationResource {

    private final CoralSignatures signatures;
    private final CoralModeration coral;
    private final ObjectMapper json;
    private final Validator validator;

    CoralModerationResource(CoralSignatures signatures, CoralModeration coral, ObjectMapper json, Validator validator) {
        this.signatures = signatures;
        this.coral = coral;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response moderate(@HeaderParam("X-Coral-Signature") String signature, byte[] body) throws IOException {
        signatures.verify(signature, body);
        CoralRequest request = json.readValue(body, CoralRequest.class);
        if (request == null) {
            throw new ClientErrorException(Response.Status.BAD_REQUEST, "The body must be a moderation request");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return coral.moderate(request).map(answer -> Response.ok(answer)).orElseGet(Response::noContent).build();
    }
}
