package news.moderation.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A receiver's check of Moderation-Signature, written from docs/webhooks.md (not from the service's code). */
public final class Signatures {

    private Signatures() {
    }

    /** The v1 signatures of a header {@code t=…,v1=…[,v1=…]}. */
    static List<String> v1(String header) {
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        return signatures;
    }

    static long timestamp(String header) {
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                return Long.parseLong(part.substring(2));
            }
        }
        throw new AssertionError("no t= in " + header);
    }

    public static boolean verifies(String header, String body, String secret) {
        return v1(header).contains(hmacHex(secret, timestamp(header) + "." + body));
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
