package news.moderation.platform.validation;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import news.moderation.platform.errors.Problem;

/**
 * Every path and query parameter of every endpoint is a name, an id, a number or a token: none may hold control,
 * invisible or direction-changing characters, and its percent-encoding must be valid UTF-8
 * ({@link TextRules.Kind#NAME_OR_ID}; the REST layer's own decoding would turn {@code %C0%AF} into U+FFFD and let
 * {@code %00} through to PostgreSQL, which refuses a NUL with an error, not an answer). Checked here once, on the
 * values as sent, before any endpoint sees them.
 */
public class RequestParameters {

    @ServerRequestFilter
    public Response refuseUnprintable(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        // The REST layer hands out decoded values only: the raw ones are taken from the URI as sent.
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        for (String segment : uri.getRawPath().split("/")) {
            String decoded = decode(segment);
            if (decoded == null || !TextRules.allows(TextRules.Kind.NAME_OR_ID, decoded)) {
                String lenient = lenient(segment);
                return refused(pathParameters.entrySet().stream().filter(p -> p.getValue().contains(lenient))
                        .map(Map.Entry::getKey).findFirst().orElse("path"));
            }
        }
        String query = uri.getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            if (value == null || !TextRules.allows(TextRules.Kind.NAME_OR_ID, value)) {
                return refused(lenient(name));
            }
        }
        return null;
    }

    private static Response refused(String parameter) {
        return Problem.response(Response.Status.BAD_REQUEST, "Invalid parameter " + parameter,
                List.of(new Problem.FieldError(parameter, TextRules.NAME_OR_ID_REFUSED)));
    }

    /** Percent-decoded as strict UTF-8, or null when the encoding is broken. */
    static String decode(String raw) {
        if (raw.chars().allMatch(c -> c < 0x80 && c != '%')) {
            return raw; // nothing encoded (the usual case, on every request): the value is the text as sent
        }
        byte[] bytes = percentDecoded(raw);
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Decoded as the REST layer decodes (invalid UTF-8 as U+FFFD), to name a parameter. */
    private static String lenient(String raw) {
        byte[] bytes = percentDecoded(raw);
        return bytes == null ? raw : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The bytes a percent-encoded text stands for, or null when a '%' is not followed by two hex digits or the text
     * holds half a surrogate pair. Characters sent as they are count as their UTF-8 bytes, a whole code point at a
     * time: a character outside the BMP is two Java chars, and each half alone would encode as '?'.
     */
    private static byte[] percentDecoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 3;
            } else if (Character.getType(c) == Character.SURROGATE) {
                return null; // codePointAt returns an unpaired half as itself
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toByteArray();
    }
}
