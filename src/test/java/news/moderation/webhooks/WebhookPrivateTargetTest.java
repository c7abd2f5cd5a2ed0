package news.moderation.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/**
 * With the production default ({@code moderation.webhooks.allow-private-targets=false}) private, loopback and
 * link-local targets are refused at registration, and again at delivery (a name that resolved to a public address
 * when it was registered may resolve elsewhere later); undeliverable deliveries end as dead letters.
 */
@QuarkusTest
@TestProfile(WebhookPrivateTargetTest.PrivateTargetsRefused.class)
@WithTestResource(EmbeddedPostgresResource.class)
class WebhookPrivateTargetTest {

    public static class PrivateTargetsRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moderation.webhooks.allow-private-targets", "false",
                    "moderation.webhooks.dead-letter-after", "1s");
        }
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefused() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.7/hook",
                "http://192.168.1.10/hook", "http://172.16.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://[fd00::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0/",
                "http://100.64.0.1/")) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("siteId", "private-site", "url", url, "eventTypes", List.of("comment.judged")))
                    .post("/api/v1/admin/webhooks").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("detail", containsString("private, loopback or link-local"));
        }
    }

    @Test
    void aTargetThatNowResolvesToAPrivateAddressIsNotCalledAndEndsAsADeadLetter() {
        Site site = Sites.create("hooks-rebind");
        try (Receiver receiver = new Receiver()) {
            // As if its name had resolved to a public address at registration and to loopback now.
            UUID endpointId = endpointBehindTheCheck(site.id(), receiver.url());
            site.submitted("rebind-article", "rebind-author", "Hello there");

            JsonPath delivery = awaitDead(endpointId);
            assertEquals(List.of(), receiver.received());
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/deliveries/{id}", delivery.getString("id"))
                    .then().statusCode(200)
                    .body("attempts[0].httpStatus", equalTo(null))
                    .body("attempts[0].error", startsWith("not sent: host 127.0.0.1 resolves to 127.0.0.1"));
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}/deliveries", endpointId)
                    .then().statusCode(200).body("[0].state", equalTo("DEAD"));
        }
    }

    @Transactional
    UUID endpointBehindTheCheck(String siteId, String url) {
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.siteId = siteId;
        endpoint.url = url;
        endpoint.eventTypes = List.of("comment.judged");
        endpoint.secret = "whsec_test";
        endpoint.createdAt = Instant.now();
        endpoint.createdBy = "test";
        endpoint.persist();
        return endpoint.id;
    }

    private static JsonPath awaitDead(UUID endpointId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonPath deliveries = given().auth().oauth2(Tokens.admin())
                    .queryParam("state", "DEAD").get("/api/v1/admin/webhooks/{id}/deliveries", endpointId).then()
                    .statusCode(200).extract().jsonPath();
            if (!deliveries.getList("").isEmpty()) {
                return new JsonPath(deliveries.prettify()).setRootPath("[0]");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no dead letter within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
