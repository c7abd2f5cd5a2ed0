package news.moderation.platform.errors;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

import io.vertx.core.http.HttpServerResponse;
import news.moderation.platform.config.ConfigOnFirstUse;
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

    private static final ThreadLocal<Utf8Check> UTF8_CHECKS = ThreadLocal.withInitial(() -> new Utf8Check(
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT),
            CharBuffer.allocate(1024)));

    private final ConfigOnFirstUse config;

    RequestBodies(Instance<ModerationConfig> config) {
        this.config = new ConfigOnFirstUse(config);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long maxBytes = config.get().http().maxRequestBytes();
        byte[] body = readAtMost(context.getInputStream(), (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
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

    /**
     * The body, or its first {@code limit} bytes. Usually the HTTP layer has read all of it already, so it is all
     * available: then it is read into one array of its size (InputStream.readNBytes(limit) would take an 8 KB buffer
     * first, for any body, and copy out of it).
     */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        int available = Math.min(in.available(), limit);
        byte[] start = new byte[available];
        int read = in.readNBytes(start, 0, available);
        if (read == limit) {
            return start;
        }
        int next = in.read();
        if (next == -1) {
            return read == available ? start : Arrays.copyOf(start, read);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(start, 0, read);
        whole.write(next);
        whole.write(in.readNBytes(limit - read - 1));
        return whole.toByteArray();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** Strict UTF-8 (overlong forms and encoded surrogates are malformed), decoded in pieces into a reused buffer. */
    private static boolean isUtf8(byte[] body) {
        Utf8Check check = UTF8_CHECKS.get();
        CharsetDecoder decoder = check.decoder().reset();
        ByteBuffer in = ByteBuffer.wrap(body);
        CoderResult result;
        do {
            check.chars().clear();
            result = decoder.decode(in, check.chars(), true);
        } while (result.isOverflow());
        return !result.isError() && !decoder.flush(check.chars().clear()).isError();
    }

    /** Only whether a body is valid is wanted, not its text: each thread decodes into one small buffer. */
    private record Utf8Check(CharsetDecoder decoder, CharBuffer chars) {
    }

    private static boolean clientGone() {
        var request = CurrentRequestManager.get();
        HttpServerResponse response = request == null ? null : request.serverRequest().unwrap(HttpServerResponse.class);
        return response != null && response.closed();
    }
}
