package news.moderation.platform.errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import io.vertx.core.http.HttpServerResponse;
import news.moderation.platform.config.ModerationConfig;

/**
 * Every request body any endpoint reads (JSON, and the raw bytes of the Coral and Perspective endpoints) passes here
 * before it is parsed:
 * <ul>
 * <li>at most {@code moderation.http.max-request-bytes} are read, however the body is framed (a chunked body has no
 * Content-Length for {@link RequestSizeLimit} to check up front): beyond, 413;</li>
 * <li>JSON must be valid UTF-8 (RFC 8259), strictly: overlong forms such as C0 AF for "/" and encoded surrogates are
 * refused with 400, where the JSON parser would quietly accept them;</li>
 * <li>when the client has already hung up, the request ends here, before anything is judged or stored.</li>
 * </ul>
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    // Providers are created at static init, before runtime configuration exists: read it per request.
    private final Instance<ModerationConfig> config;

    RequestBodies(Instance<ModerationConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long maxBytes = config.get().http().maxRequestBytes();
        byte[] body = context.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBytes) {
            throw RequestSizeLimit.tooLarge(maxBytes);
        }
        if (isJson(context.getMediaType()) && !isUtf8(body)) {
            throw new ClientErrorException(Response.Status.BAD_REQUEST, "The request body is not valid UTF-8");
        }
        if (clientGone()) {
            throw new ClientErrorException(Problem.CLIENT_CLOSED, "The client closed the connection");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean clientGone() {
        var request = CurrentRequestManager.get();
        HttpServerResponse response = request == null ? null : request.serverRequest().unwrap(HttpServerResponse.class);
        return response != null && response.closed();
    }
}
