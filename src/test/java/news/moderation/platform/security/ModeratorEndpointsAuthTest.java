package news.moderation.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import news.moderation.platform.database.EmbeddedPostgresResource;

/** Every moderator and admin endpoint: 401 without a valid token, 403 with the wrong role, through with the right one. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ModeratorEndpointsAuthTest {

    record Endpoint(String method, String path, String body, String role) {
    }

    static final String ANY_ID = UUID.randomUUID().toString();

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/moderation/queue", null, "moderator"),
            new Endpoint("POST", "/api/v1/moderation/queue/claim", "{\"limit\": 1}", "moderator"),
            new Endpoint("POST", "/api/v1/moderation/comments/" + ANY_ID + "/decision",
                    "{\"action\":\"APPROVE\",\"expectedVersion\":0}", "moderator"),
            new Endpoint("POST", "/api/v1/moderation/decisions",
                    "{\"decisions\":[{\"commentId\":\"" + ANY_ID + "\",\"decision\":{\"action\":\"APPROVE\",\"expectedVersion\":0}}]}",
                    "moderator"),
            new Endpoint("GET", "/api/v1/moderation/comments/" + ANY_ID + "/history", null, "moderator"),
            new Endpoint("GET", "/api/v1/moderation/comments/" + ANY_ID, null, "moderator"),
            new Endpoint("GET", "/api/v1/moderation/authors/someone", null, "moderator"),
            new Endpoint("POST", "/api/v1/moderation/authors/someone/status",
                    "{\"status\":\"ACTIVE\",\"reason\":\"test\"}", "moderator"),
            new Endpoint("DELETE", "/api/v1/moderation/authors/nobody-at-all", null, "admin"),
            new Endpoint("GET", "/api/v1/moderation/stats", null, "moderator"),
            new Endpoint("GET", "/api/v1/admin/ruleset", null, "admin"),
            new Endpoint("POST", "/api/v1/admin/ruleset/reload", null, "admin"),
            new Endpoint("GET", "/api/v1/admin/api-keys", null, "admin"),
            new Endpoint("POST", "/api/v1/admin/api-keys", "{\"siteId\":\"s\",\"name\":\"n\"}", "admin"),
            new Endpoint("DELETE", "/api/v1/admin/api-keys/" + ANY_ID, null, "admin"));

    @Test
    void refusesCallersWithoutAValidToken() {
        List<Supplier<RequestSpecification>> invalid = List.of(
                () -> given(),
                () -> given().auth().oauth2(Tokens.foreignSignature()),
                () -> given().auth().oauth2(Tokens.wrongIssuer()),
                () -> given().auth().oauth2(Tokens.expired()),
                () -> given().auth().oauth2("not-even-a-jwt"));
        for (Endpoint endpoint : ENDPOINTS) {
            for (Supplier<RequestSpecification> caller : invalid) {
                call(caller.get(), endpoint).then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer");
            }
        }
    }

    @Test
    void refusesTheWrongRole() {
        for (Endpoint endpoint : ENDPOINTS) {
            List<String> wrongRoles = endpoint.role().equals("admin") ? List.of("reader", "moderator")
                    : List.of("reader");
            for (String role : wrongRoles) {
                call(given().auth().oauth2(Tokens.of("someone", role)), endpoint).then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
        }
    }

    @Test
    void letsTheRightRoleThrough() {
        for (Endpoint endpoint : ENDPOINTS) {
            String token = Tokens.of("right-" + endpoint.role(), endpoint.role());
            call(given().auth().oauth2(token), endpoint).then()
                    .statusCode(not(oneOf(401, 403)))
                    .statusCode(not(equalTo(500)));
        }
        // admins may do what moderators do
        call(given().auth().oauth2(Tokens.admin()), ENDPOINTS.get(0)).then().statusCode(200);
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
