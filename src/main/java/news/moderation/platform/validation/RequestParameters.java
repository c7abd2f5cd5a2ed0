package news.moderation.platform.validation;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.errors.Problem;

/**
 * Every path and query parameter of every endpoint is a name, an id or a token: none may hold control, invisible or
 * direction-changing characters or invalid Unicode ({@link TextRules.Kind#NAME_OR_ID}). Checked here once, before any
 * endpoint sees the value (a NUL would otherwise reach PostgreSQL, which refuses it with an error, not an answer).
 */
public class RequestParameters {

    @ServerRequestFilter
    public Response refuseUnprintable(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            return Problem.response(Response.Status.BAD_REQUEST, "The query string is not valid percent-encoded UTF-8");
        }
        for (MultivaluedMap<String, String> parameters : List.of(uri.getPathParameters(true), query)) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                for (String value : parameter.getValue()) {
                    if (!TextRules.allows(TextRules.Kind.NAME_OR_ID, value)) {
                        return Problem.response(Response.Status.BAD_REQUEST, "Invalid parameter " + parameter.getKey(),
                                List.of(new Problem.FieldError(parameter.getKey(), TextRules.NAME_OR_ID_REFUSED)));
                    }
                }
            }
        }
        return null;
    }
}
