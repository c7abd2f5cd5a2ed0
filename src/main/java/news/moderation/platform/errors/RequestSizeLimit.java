package news.moderation.platform.errors;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.config.ModerationConfig;

/** Refuses oversized requests up front, with a problem body rather than the HTTP layer's bare 413. */
@Singleton
public class RequestSizeLimit {

    private final long maxBytes;

    RequestSizeLimit(ModerationConfig config) {
        this.maxBytes = config.http().maxRequestBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseOrMax(length) > maxBytes) {
            return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes");
        }
        return null;
    }

    private static long parseOrMax(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
