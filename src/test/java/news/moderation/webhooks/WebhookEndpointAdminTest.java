package news.moderation.webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.events.DomainEvent;
import news.moderation.platform.database.EmbeddedPostgresResource;
import news.moderation.platform.security.Tokens;
import news.moderation.sites.Sites;
import news.moderation.sites.Sites.Site;

/**
 * What the dashboard's webhooks page needs of the admin API, to a real receiver on loopback: the event types to
 * subscribe to, and disabling an endpoint (owed nothing new, sent nothing) and enabling it again.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class WebhookEndpointAdminTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Several dispatch intervals (200 ms in tests): what was not sent by then is not being sent. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    @Test
    void theEventTypesToSubscribeToAreListed() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/event-types").then()
                .statusCode(200).body("", equalTo(DomainEvent.TYPES));
        given().auth().oauth2(Tokens.moderator()).get("/api/v1/admin/webhooks/event-types").then().statusCode(403);
    }

    @Test
    void aDisabledEndpointIsOwedNothingNewAndItsWaitingDeliveriesGoOutOnceItIsEnabled() throws InterruptedException {
        Site site = Sites.create("hooks-disable");
        try (Receiver receiver = new Receiver()) {
            String endpoint = WebhookDeliveryTest.register(site.id(), receiver.url(), List.of("comment.judged"))
                    .getString("endpoint.id");
            receiver.down();
            String owedBefore = site.submitted("disable-article", "disable-author", "A first, calm remark.");
            given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/webhooks/{id}/disable", endpoint).then()
                    .statusCode(200).body("disabledAt", notNullValue());
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}", endpoint).then()
                    .statusCode(200).body("disabledAt", notNullValue());
            String whileDisabled = site.submitted("disable-article", "disable-author", "A second, calm remark.");
            receiver.up();
            Thread.sleep(QUIET.toMillis());
            assertEquals(List.of(), receiver.received(), "a disabled endpoint is sent nothing");
            given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/webhooks/{id}/deliveries", endpoint).then()
                    .statusCode(200).body("", hasSize(1)).body("[0].commentId", equalTo(owedBefore));

            given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/webhooks/{id}/enable", endpoint).then()
                    .statusCode(200).body("disabledAt", nullValue());
            List<Receiver.Received> received = receiver.await(r -> !r.isEmpty(), PATIENCE);
            assertEquals(owedBefore, received.get(0).json().get("commentId").asText());
            Thread.sleep(QUIET.toMillis());
            assertEquals(List.of(owedBefore), receiver.received().stream()
                    .map(r -> r.json().get("commentId").asText()).distinct().toList(),
                    "the event of " + whileDisabled + " was never owed");
        }
    }

    @Test
    void disablingAnUnknownEndpointIsNotFound() {
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/webhooks/{id}/disable", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }
}
