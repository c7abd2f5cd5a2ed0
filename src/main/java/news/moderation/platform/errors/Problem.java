package news.moderation.platform.errors;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** 422: understood, but refers to something that does not fit (Jakarta REST has no constant for it). */
    public static final Response.StatusType UNPROCESSABLE = clientError(422, "Unprocessable Content");

    /** 499 (nginx's): the client hung up before the answer; nobody reads it, but logs and metrics do. */
    public static final Response.StatusType CLIENT_CLOSED = clientError(499, "Client Closed Request");

    public record FieldError(String field, String message) {
    }

    private static Response.StatusType clientError(int code, String reason) {
        return new Response.StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Response.Status.Family getFamily() {
                return Response.Status.Family.CLIENT_ERROR;
            }

            @Override
            public String getReasonPhrase() {
                return reason;
            }
        };
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, List.of());
    }

    public static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
        return Response.status(status.getStatusCode()).type(MEDIA_TYPE).entity(of(status, detail, errors)).build();
    }

    /** The problem itself, for an answer written outside the REST layer. */
    public static Problem of(Response.StatusType status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
    }
}
