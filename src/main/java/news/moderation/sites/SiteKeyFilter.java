package news.moderation.sites;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.Problem;

/** Checks the X-Api-Key of submission API calls; without one, the call passes only if anonymous use is allowed. */
public class SiteKeyFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final CallingSite site;
    // Filters are created at static init, before runtime configuration exists: read it per request.
    private final Instance<ModerationConfig> config;

    SiteKeyFilter(ApiKeys keys, CallingSite site, Instance<ModerationConfig> config) {
        this.keys = keys;
        this.site = site;
        this.config = config;
    }

    @SiteKeyRequired
    @ServerRequestFilter
    public Response identifySite(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            return config.get().submission().anonymousAllowed() ? null : refuse("An X-Api-Key header is required");
        }
        Optional<String> siteId = keys.siteOf(presented);
        if (siteId.isEmpty()) {
            return refuse("The X-Api-Key is unknown or revoked");
        }
        site.identify(siteId.get());
        return null;
    }

    private static Response refuse(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"").build();
    }
}
