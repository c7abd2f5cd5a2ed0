package news.moderation.platform.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens for tests, signed with the test key pair (src/test/resources/jwt), and some that must fail. */
public final class Tokens {

    static final String ISSUER = "comment-moderation";

    private Tokens() {
    }

    public static String of(String name, String role) {
        return claims(name, role).sign();
    }

    public static String admin() {
        return of("ada-admin", "admin");
    }

    public static String moderator() {
        return of("mo-moderator", "moderator");
    }

    /** A token whose {@code sites} claim scopes it to some sites (see sites/ModeratorSites). */
    public static String scoped(String name, String role, Object sites) {
        return claims(name, role).claim("sites", sites).sign();
    }

    /** Signed by a key the service does not know. */
    public static String foreignSignature() {
        return claims("mallory", "admin").sign(foreignKey());
    }

    public static String wrongIssuer() {
        return Jwt.issuer("someone-else").upn("mallory").groups("admin").expiresIn(Duration.ofMinutes(10)).sign();
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).upn("late").groups("admin").issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
    }

    private static JwtClaimsBuilder claims(String name, String role) {
        return Jwt.issuer(ISSUER).upn(name).subject(name).groups(role).expiresIn(Duration.ofMinutes(10));
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
