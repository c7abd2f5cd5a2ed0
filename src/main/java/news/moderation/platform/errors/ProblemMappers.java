package news.moderation.platform.errors;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where failures become answers: every error is an RFC 9457 problem, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static final String CONCURRENT_CHANGE =
            "Someone else changed this at the same moment; reload it and try again";

    /** A stopping replica's rollout or restart takes a few seconds; its load balancer has other replicas meanwhile. */
    static final int STOPPING_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response clientError(ClientErrorException e) {
        return e.toResponse();
    }

    /** More specific than JsonProcessingException, so that it wins over the REST layer's own bare 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.response(Response.Status.BAD_REQUEST, "Unknown field: " + unknown.getPropertyName(),
                    List.of(new Problem.FieldError(path(unknown), "is not a field of this request")));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Problem.response(Response.Status.BAD_REQUEST, "A field has the wrong type or format",
                    List.of(new Problem.FieldError(path(mapping), "has the wrong type or format")));
        }
        return Problem.response(Response.Status.BAD_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(Response.Status.BAD_REQUEST, "The request has invalid fields", errors);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                "A valid bearer token is required")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response stopping(ServiceStoppingException e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header(HttpHeaders.RETRY_AFTER, STOPPING_RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Your token does not carry a role allowed here");
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrentChange() {
        return Problem.response(Response.Status.CONFLICT, CONCURRENT_CHANGE);
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json); // the JSON reader wraps its parse errors
        }
        if (e.getCause() instanceof ClientErrorException refusal) {
            return refusal.toResponse(); // a parameter converter's refusal, wrapped by the REST layer as a 404
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
            return Problem.response(status, "The service could not answer this request");
        }
        return Problem.response(status, e.getMessage());
    }

    /** A client that hung up mid-request: nobody reads the answer, and it is no fault of the service. */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        LOG.debugf("Request body could not be read: %s", e.getMessage());
        return Problem.response(Response.Status.BAD_REQUEST, "The request body could not be read");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "The service could not answer this request");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
    }

    /** "submit.request.body" → "body": the method and parameter names mean nothing to a client. */
    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        return nodes.isEmpty() ? "" : nodes.get(nodes.size() - 1).getName();
    }
}
