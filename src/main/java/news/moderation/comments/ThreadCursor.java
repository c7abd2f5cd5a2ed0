package news.moderation.comments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import news.moderation.platform.errors.ClientErrorException;

/** The opaque cursor of an article's comment pages: the position of the last comment a page showed. */
final class ThreadCursor {

    private static final String PREFIX = "after:";

    private ThreadCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position to continue after; 0 (the start) when there is no cursor. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below; NumberFormatException is an IllegalArgumentException too
        }
        throw ClientErrorException.badRequest("cursor", "is not a cursor this service handed out");
    }
}
