package news.moderation.sites;

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
    private final boolean anonymousAllowed;

    SiteKeyFilter(ApiKeys keys, CallingSite site, ModerationConfig config) {
        this.keys = keys;
        this.site = site;
        this.anonymousAllowed = config.submission().anonymousAllowed();
    }

    @SiteKeyRequired
    @ServerRequestFilter
    public Response identifySite(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            return anonymousAllowed ? null : refuse("An X-Api-Key header is required");
        }
        return keys.siteOf(presented).map(siteId -> {
            site.identify(siteId);
            return (Response) null;
        }).orElseGet(() -> refuse("The X-Api-Key is unknown or revoked"));
    }

    private static Response refuse(String detail) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"").build();
    }
}
