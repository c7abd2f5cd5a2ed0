package news.moderation.integrations.perspective;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A refusal in Google's error envelope, which Perspective clients parse:
 * {@code {"error": {"code", "message", "status", "details": [...]}}}.
 */
class PerspectiveError extends RuntimeException {

    private static final String ANALYZER_ERROR = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    private final int code;
    private final String status;
    private final Map<String, String> detail;

    private PerspectiveError(int code, String status, String message, Map<String, String> detail) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.detail = detail;
    }

    /** 400 with the comment analyzer's own error type (COMMENT_EMPTY, COMMENT_TOO_LONG, ...). */
    static PerspectiveError invalid(String errorType, String message) {
        return new PerspectiveError(400, "INVALID_ARGUMENT", message, Map.of("@type", ANALYZER_ERROR, "errorType", errorType));
    }

    static PerspectiveError invalidJson(String message) {
        return new PerspectiveError(400, "INVALID_ARGUMENT", "Invalid JSON payload received. " + message, null);
    }

    /** A refusal of the HTTP layer, with Google's status name for its code. */
    static PerspectiveError refused(int code, String message) {
        String status = switch (code) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 413 -> "OUT_OF_RANGE";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            default -> "INVALID_ARGUMENT";
        };
        return new PerspectiveError(code, status, message, null);
    }

    static PerspectiveError missingKey() {
        return new PerspectiveError(403, "PERMISSION_DENIED",
                "The request is missing a valid API key.", errorInfo("API_KEY_MISSING"));
    }

    static PerspectiveError invalidKey() {
        return new PerspectiveError(400, "INVALID_ARGUMENT",
                "API key not valid. Please pass a valid API key.", errorInfo("API_KEY_INVALID"));
    }

    static PerspectiveError overRate(int perSecond) {
        return new PerspectiveError(429, "RESOURCE_EXHAUSTED",
                "Quota exceeded: more than " + perSecond + " requests per second for this API key.",
                errorInfo("RATE_LIMIT_EXCEEDED"));
    }

    static PerspectiveError internal() {
        return new PerspectiveError(500, "INTERNAL", "Internal error encountered.", null);
    }

    private static Map<String, String> errorInfo(String reason) {
        return Map.of("@type", ERROR_INFO, "reason", reason, "domain", "googleapis.com");
    }

    Response toResponse() {
        record Body(int code, String message, String status, List<Map<String, String>> details) {
        }
        Body body = new Body(code, getMessage(), status, detail == null ? List.of() : List.of(detail));
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(Map.of("error", body)).build();
    }
}
