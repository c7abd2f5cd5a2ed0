package news.moderation.platform.errors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A request whose URI {@link URI} cannot parse (a broken percent-encoding such as {@code %zz}, a character that must
 * be percent-encoded) is answered 400 with a problem body, before any route sees it. Quarkus's own check of the same
 * kind answers with an empty body; {@link #replaceQuarkusCheck()} turns it off, so that this one answers instead.
 */
@ApplicationScoped
public class MalformedUris {

    /** Read by Quarkus's HTTP root handler when it is created; the test JVMs set it too (pom.xml, surefire). */
    static final String QUARKUS_CHECK_OFF = "vertx.disableURIValidation";

    static final String DETAIL = "The request URI is malformed: a '%' must be followed by two hexadecimal digits,"
            + " and spaces and other characters outside URIs must be percent-encoded";

    /** Called in main, before Quarkus starts its HTTP server. */
    public static void replaceQuarkusCheck() {
        System.setProperty(QUARKUS_CHECK_OFF, "true");
    }

    void refuseBeforeRouting(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (parses(context.request().uri())) {
                context.next();
                return;
            }
            Problem problem = Problem.of(Response.Status.BAD_REQUEST, DETAIL, List.of());
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
