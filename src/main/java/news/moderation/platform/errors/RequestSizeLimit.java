package news.moderation.platform.errors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.config.ConfigOnFirstUse;
import news.moderation.platform.config.ModerationConfig;

/**
 * Refuses requests whose Content-Length is over {@code moderation.http.max-request-bytes} up front, before a byte of
 * the body is read, with a problem body rather than the HTTP layer's bare 413. Bodies without a Content-Length
 * (chunked) are counted as they are read, by {@link RequestBodies}.
 */
@Singleton
public class RequestSizeLimit {

    private final ConfigOnFirstUse config;

    RequestSizeLimit(Instance<ModerationConfig> config) {
        this.config = new ConfigOnFirstUse(config);
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversized(ContainerRequestContext request) {
        long maxBytes = config.get().http().maxRequestBytes();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseOrMax(length) > maxBytes) {
            return tooLarge(maxBytes).toResponse();
        }
        return null;
    }

    static ClientErrorException tooLarge(long maxBytes) {
        return new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes");
    }

    private static long parseOrMax(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
