package news.moderation.integrations.perspective;

import java.io.IOException;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.integrations.perspective.PerspectiveMessages.AnalyzeRequest;
import news.moderation.integrations.perspective.PerspectiveMessages.AnalyzeResponse;
import news.moderation.integrations.perspective.PerspectiveMessages.SuggestRequest;
import news.moderation.integrations.perspective.PerspectiveMessages.SuggestResponse;
import news.moderation.platform.errors.ClientErrorException;

/**
 * Perspective's endpoints, at Google's paths with and without the version: Coral appends "/comments:analyze" to
 * whatever endpoint an admin typed. The API key comes as {@code ?key=} or, as Google's client libraries send it, in
 * {@code X-Goog-Api-Key}. Bodies are parsed here, so that every refusal is in Google's error envelope.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PerspectiveResource {

    private static final Logger LOG = Logger.getLogger(PerspectiveResource.class);

    private final PerspectiveApi perspective;
    private final ObjectMapper json;

    PerspectiveResource(PerspectiveApi perspective, ObjectMapper json) {
        this.perspective = perspective;
        this.json = json;
    }

    @POST
    @Path("{version: (v1alpha1/)?}comments:analyze")
    public AnalyzeResponse analyze(@QueryParam("key") String key, @HeaderParam("X-Goog-Api-Key") String headerKey,
            byte[] body) {
        perspective.siteOf(key != null ? key : headerKey);
        return perspective.analyze(parse(body, AnalyzeRequest.class));
    }

    @POST
    @Path("{version: (v1alpha1/)?}comments:suggestscore")
    public SuggestResponse suggestScore(@QueryParam("key") String key,
            @HeaderParam("X-Goog-Api-Key") String headerKey, byte[] body) {
        String siteId = perspective.siteOf(key != null ? key : headerKey);
        return perspective.suggest(parse(body, SuggestRequest.class), siteId);
    }

    @ServerExceptionMapper
    public Response refused(PerspectiveError e) {
        return e.toResponse();
    }

    /** The service's own refusals (a body too large, invalid UTF-8, an invalid parameter), in Google's envelope. */
    @ServerExceptionMapper
    public Response refused(ClientErrorException e) {
        return PerspectiveError.refused(e.status().getStatusCode(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        LOG.error("Perspective request failed", e);
        return PerspectiveError.internal().toResponse();
    }

    private <T> T parse(byte[] body, Class<T> type) {
        try {
            T request = json.readValue(body, type);
            if (request == null) {
                throw PerspectiveError.invalidJson("The body is empty.");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw PerspectiveError.invalidJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw PerspectiveError.invalidJson(e.getMessage());
        }
    }
}
