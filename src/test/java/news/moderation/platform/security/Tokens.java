package news.moderation.platform.security;

import java.time.Duration;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens for tests, signed with the test key pair (src/test/resources/jwt). */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String name, String role) {
        return Jwt.issuer("comment-moderation").upn(name).subject(name).groups(role)
                .expiresIn(Duration.ofMinutes(10)).sign();
    }

    public static String admin() {
        return of("ada-admin", "admin");
    }

    public static String moderator() {
        return of("mo-moderator", "moderator");
    }
}
