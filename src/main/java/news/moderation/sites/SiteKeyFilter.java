package news.moderation.sites;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import news.moderation.platform.config.ConfigOnFirstUse;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.Problem;

/** Checks the X-Api-Key of submission API calls; without one, the call passes only if anonymous use is allowed. */
public class SiteKeyFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;
    private final CallingSite site;
    private final ConfigOnFirstUse config;

    SiteKeyFilter(ApiKeys keys, CallingSite site, Instance<ModerationConfig> config) {
        this.keys = keys;
        this.site = site;
        this.config = new ConfigOnFirstUse(config);
    }

    /**
     * A key PostgreSQL must be asked about is looked up on a worker thread when the call runs on the event loop (a
     * submission without an Idempotency-Key does), which must not block.
     */
    @SiteKeyRequired
    @ServerRequestFilter
    public Uni<Response> identifySite(ContainerRequestContext request) {
        String presented = request.getHeaderString(HEADER);
        if (presented == null) {
            return Uni.createFrom().item(config.get().submission().anonymousAllowed() ? null
                    : refuse("An X-Api-Key header is required"));
        }
        if (BlockingOperationControl.isBlockingAllowed() || keys.remembers(presented)) {
            return Uni.createFrom().item(identify(presented));
        }
        return Uni.createFrom().item(() -> identify(presented))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Identifies the calling site by its key, or refuses the call (what the filter answers). */
    private Response identify(String presented) {
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
