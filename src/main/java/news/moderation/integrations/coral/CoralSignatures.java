package news.moderation.integrations.coral;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;

/**
 * Checks X-Coral-Signature as Coral's WEBHOOKS.md describes it: {@code sha256=<hex>} values, comma-separated, one per
 * secret Coral holds, each an HMAC-SHA256 of the raw body keyed by the secret (with its empsec_ prefix) as UTF-8. The
 * call is genuine when any value matches any secret configured here, so either side can rotate first.
 */
@ApplicationScoped
class CoralSignatures {

    private static final String SCHEME = "sha256=";

    private final List<byte[]> secrets;

    CoralSignatures(ModerationConfig config) {
        this.secrets = config.coral().signingSecrets().orElse(List.of()).stream()
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void verify(String header, byte[] body) {
        if (secrets.isEmpty()) {
            throw refused("No Coral signing secret is configured (moderation.coral.signing-secrets)");
        }
        if (header == null || header.isBlank()) {
            throw refused("An X-Coral-Signature header is required");
        }
        List<byte[]> presented = presented(header);
        for (byte[] secret : secrets) {
            byte[] expected = hmac(secret, body);
            for (byte[] signature : presented) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return;
                }
            }
        }
        throw refused("The X-Coral-Signature matches no configured secret");
    }

    /** The sha256 values of the header; values of other schemes and malformed ones are skipped. */
    private static List<byte[]> presented(String header) {
        return java.util.Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(value -> value.startsWith(SCHEME) && value.length() == SCHEME.length() + 64)
                .map(value -> value.substring(SCHEME.length()))
                .filter(hex -> hex.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                .map(hex -> HexFormat.of().parseHex(hex))
                .toList();
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ClientErrorException refused(String detail) {
        return new ClientErrorException(Response.Status.UNAUTHORIZED, detail);
    }
}
