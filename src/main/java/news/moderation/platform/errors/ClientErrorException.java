package news.moderation.platform.errors;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** A request the service understood but will not carry out; answered as a problem with the given status. */
public class ClientErrorException extends RuntimeException {

    private final Response.StatusType status;
    private final List<Problem.FieldError> errors;

    public ClientErrorException(Response.StatusType status, String detail) {
        this(status, detail, List.of());
    }

    public ClientErrorException(Response.StatusType status, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static ClientErrorException unprocessable(String field, String message) {
        return new ClientErrorException(Problem.UNPROCESSABLE, message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ClientErrorException badRequest(String field, String message) {
        return new ClientErrorException(Response.Status.BAD_REQUEST, message,
                List.of(new Problem.FieldError(field, message)));
    }

    public Response.StatusType status() {
        return status;
    }

    public Response toResponse() {
        return Problem.response(status, getMessage(), errors);
    }
}
