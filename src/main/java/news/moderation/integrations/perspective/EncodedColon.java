package news.moderation.integrations.perspective;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Some HTTP clients percent-encode the colon of "comments:analyze" (%3A means the same); routes match the path as
 * sent, so it is decoded before matching.
 */
public class EncodedColon {

    private static final Pattern ENCODED_METHOD = Pattern.compile("comments%3[aA](analyze|suggestscore)$");

    @ServerRequestFilter(preMatching = true)
    public void decode(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path.endsWith("analyze") || path.endsWith("suggestscore")) {
            String decoded = ENCODED_METHOD.matcher(path).replaceFirst("comments:$1");
            if (!decoded.equals(path)) {
                request.setRequestUri(UriBuilder.fromUri(uri).replacePath(decoded).build());
            }
        }
    }
}
