package news.moderation.platform.validation;

import java.util.Arrays;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.errors.Problem;

/**
 * An endpoint that takes JSON needs to be told it is JSON: without a Content-Type the answer is 415, as for any other
 * type (Jakarta REST would otherwise read the body as JSON anyway).
 */
public class JsonContentType {

    @ServerRequestFilter
    public Response requireContentType(ContainerRequestContext request, ResourceInfo resource) {
        if (request.getMediaType() != null || !consumesJson(resource)) {
            return null;
        }
        return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "This endpoint takes a body with Content-Type: application/json");
    }

    private static boolean consumesJson(ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_JSON);
    }
}
