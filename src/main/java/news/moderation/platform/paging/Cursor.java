package news.moderation.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

import news.moderation.platform.errors.ClientErrorException;

/**
 * Opaque page cursors: a kind (so that a thread's cursor is refused by the queue) and the sort key of the last item
 * a page showed.
 */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String kind, long... position) {
        String text = kind + ":" + Arrays.stream(position).mapToObj(Long::toString).collect(Collectors.joining(":"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which to continue, or {@code null} when there is no cursor (the first page). */
    public static long[] decode(String cursor, String kind, int length) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == length + 1 && parts[0].equals(kind)) {
                return Arrays.stream(parts, 1, parts.length).mapToLong(Long::parseLong).toArray();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below; NumberFormatException is an IllegalArgumentException too
        }
        throw ClientErrorException.badRequest("cursor", "is not a cursor this service handed out for this list");
    }
}
