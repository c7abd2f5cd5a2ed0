package news.moderation.platform.errors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.config.ModerationConfig;

/** Refuses oversized requests up front, with a problem body rather than the HTTP layer's bare 413. */
@Singleton
public class RequestSizeLimit {

    // Filters are created at static init, before runtime configuration exists: read it per request.
    private final Instance<ModerationConfig> config;

    RequestSizeLimit(Instance<ModerationConfig> config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        long maxBytes = config.get().http().maxRequestBytes();
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
