package news.moderation.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** A validly signed token is still input: its name and groups claims are checked before anything uses them. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TokenClaimsTest {

    private static final String ADMIN_ONLY = "/api/v1/admin/ruleset";
    private static final String MODERATOR = "/api/v1/moderation/authors/someone";

    @Test
    void groupsAsOneStringIsRefusedNotSplitIntoRoles() {
        String token = Jwt.issuer(Tokens.ISSUER).upn("mallory").claim("groups", "reader admin")
                .expiresIn(Duration.ofMinutes(10)).sign();
        assertTrue(payload(token).contains("\"groups\":\"reader admin\""), "the token carries groups as a string");
        refused(token, ADMIN_ONLY, "groups");
        refused(token, MODERATOR, "groups");
    }

    @Test
    void groupsAsAnObjectOrWithNonStringsIsRefused() throws Exception {
        refused(signed("\"groups\": {\"admin\": true}"), MODERATOR, "groups");
        refused(signed("\"groups\": [\"moderator\", 7]"), MODERATOR, "groups");
        given().auth().oauth2(signed("\"groups\": [\"moderator\"]")).get(MODERATOR).then().statusCode(200);
    }

    @Test
    void aModeratorNameOver200CharactersOrWithInvisibleCharactersIsRefused() {
        refused(Tokens.of("m".repeat(201), "moderator"), MODERATOR, "upn");
        refused(Tokens.of("alice\u0000", "moderator"), MODERATOR, "upn");
        refused(Tokens.of("alice\u202e", "moderator"), MODERATOR, "upn");
        given().auth().oauth2(Tokens.of("m".repeat(200), "moderator")).get(MODERATOR).then().statusCode(200);
    }

    @Test
    void groupsAsAnArrayOfRolesWorks() {
        given().auth().oauth2(Tokens.admin()).get(ADMIN_ONLY).then().statusCode(200);
        given().auth().oauth2(Tokens.moderator()).get(ADMIN_ONLY).then().statusCode(403);
    }

    private static void refused(String token, String path, String claim) {
        ValidatableResponse response = given().auth().oauth2(token).get(path).then();
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(claim));
    }

    /** A token with the test key and any claims, as a JSON fragment (the token builder refuses non-string groups). */
    private static String signed(String groupsClaim) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{\"iss\": \"%s\", \"upn\": \"mallory\", \"iat\": %d, \"exp\": %d, %s}"
                .formatted(Tokens.ISSUER, now, now + 600, groupsClaim));
        jws.setKey(KeyUtils.readPrivateKey("jwt/test-private-key.pem"));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
