package news.moderation.platform.metrics;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps {@code http_server_requests} readable whatever paths clients make up. Micrometer tags a request with its
 * route's template; a request that matched no route is tagged with its raw path unless it was answered 404
 * ({@code NOT_FOUND}). So a 405 on a made-up path, or a 400, 414 or 431 that the HTTP layer answers before routing,
 * would each add a series, and once {@code quarkus.micrometer.binder.http-server.max-uri-tags} (100) is reached no new
 * series is created, real routes' included. Every answer of 400 or more (but 404) to a request that matched no route
 * shares the tag {@value #UNMATCHED} instead.
 */
@Singleton
public class UnmatchedRoutes implements HttpServerMetricsTagsContributor {

    static final String UNMATCHED = "/UNMATCHED";
    /** The Vert.x context local where Quarkus REST puts the matched route's template, and Micrometer reads it. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Set on every request that reached the router; the others were refused by the HTTP layer before routing. */
    private static final String ROUTED = UnmatchedRoutes.class.getName() + ".routed";

    void markRouted(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request() instanceof HttpServerRequestInternal request) {
                request.context().putLocal(ROUTED, Boolean.TRUE);
                context.addHeadersEndHandler(ignored -> tagIfUnmatched(context, request));
            }
            context.next();
        });
    }

    /** A request the router saw but no route took (a 405, or a refusal before matching). */
    private static void tagIfUnmatched(RoutingContext context, HttpServerRequestInternal request) {
        int status = context.response().getStatusCode();
        Route route = context.currentRoute();
        boolean routeHasPath = route != null && route.getPath() != null && !route.getPath().equals("/");
        if (isRefusal(status) && !routeHasPath && request.context().getLocal(URL_PATH_TEMPLATE) == null) {
            request.context().putLocal(URL_PATH_TEMPLATE, UNMATCHED);
        }
    }

    /** A request the HTTP layer refused before routing: its path means nothing. */
    @Override
    public Tags contribute(Context context) {
        return isRefusal(context.response().statusCode()) && context.requestContextLocalData(ROUTED) == null
                ? Tags.of("uri", UNMATCHED)
                : Tags.empty();
    }

    /** 404s are already tagged NOT_FOUND; below 400, only a real route or file answers. */
    private static boolean isRefusal(int status) {
        return status >= 400 && status != 404;
    }
}
