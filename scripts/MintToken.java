import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints a bearer token for a moderator of the embedded default, signed with the key pair the service generated on
 * its first start. No endpoint ever hands out tokens; production uses its identity provider instead.
 *
 * Usage: java scripts/MintToken.java NAME [moderator|admin] [HOURS] [KEY_FILE]
 *   e.g. java scripts/MintToken.java alice moderator 8      (key default: data/jwt/private-key.pem)
 */
public class MintToken {

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].matches("[A-Za-z0-9._@-]{1,100}")) {
            System.err.println("usage: java scripts/MintToken.java NAME [moderator|admin] [HOURS] [KEY_FILE]");
            System.exit(2);
        }
        String name = args[0];
        String role = args.length > 1 ? args[1] : "moderator";
        if (!role.equals("moderator") && !role.equals("admin")) {
            System.err.println("role must be moderator or admin");
            System.exit(2);
        }
        long hours = args.length > 2 ? Long.parseLong(args[2]) : 8;
        Path keyFile = Path.of(args.length > 3 ? args[3] : "data/jwt/private-key.pem");

        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = String.format("{\"iss\":\"comment-moderation\",\"sub\":\"%s\",\"upn\":\"%s\","
                + "\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}", name, name, role,
                now.getEpochSecond(), now.plus(Duration.ofHours(hours)).getEpochSecond(), UUID.randomUUID());
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));

        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey(keyFile));
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64Url(signature.sign()));
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
