package news.moderation.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the admin API shows of endpoints and their deliveries. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** An endpoint without its secrets; {@code disabledAt} only while it is disabled. */
    public record Endpoint(UUID id, String siteId, String url, List<String> eventTypes, Instant createdAt, String createdBy,
            Instant previousSecretExpiresAt, Instant disabledAt) {

        static Endpoint of(WebhookEndpoint endpoint) {
            return new Endpoint(endpoint.id, endpoint.siteId, endpoint.url, endpoint.eventTypes, endpoint.createdAt,
                    endpoint.createdBy, endpoint.previousSecret == null ? null : endpoint.previousSecretExpiresAt,
                    endpoint.disabledAt);
        }
    }

    /** The answer to a registration or a rotation: the only time the secret is shown. */
    public record WithSecret(Endpoint endpoint, String secret) {
    }

    public record Attempt(Instant at, Integer httpStatus, long latencyMs, String error) {

        static Attempt of(WebhookAttempt attempt) {
            return new Attempt(attempt.attemptedAt, attempt.httpStatus, attempt.latencyMs, attempt.error);
        }
    }

    public record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, UUID commentId, long sequence,
            WebhookDelivery.State state, Instant createdAt, Instant nextAttemptAt, Instant giveUpAt,
            Instant deliveredAt, List<Attempt> attempts) {

        static Delivery of(WebhookDelivery delivery) {
            return new Delivery(delivery.id, delivery.endpointId, delivery.eventId, delivery.eventType,
                    delivery.commentId, delivery.eventSeq, delivery.state, delivery.createdAt,
                    delivery.state == WebhookDelivery.State.PENDING ? delivery.nextAttemptAt : null,
                    delivery.giveUpAt, delivery.deliveredAt,
                    WebhookAttempt.of(delivery.id).stream().map(Attempt::of).toList());
        }
    }
}
