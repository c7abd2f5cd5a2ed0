package news.moderation.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import news.moderation.platform.config.ModerationConfig;

/**
 * Sends the deliveries that are due, from PostgreSQL: each attempt runs in a transaction that holds its delivery row
 * ({@code FOR UPDATE SKIP LOCKED}) until the outcome is recorded, so that several instances (or threads) dispatching
 * at once never send the same delivery, and a crash mid-attempt leaves it pending for the next run (at least once).
 * A delivery waits while an earlier event of the same comment is still pending for its endpoint: a comment's events
 * arrive in order. A disabled endpoint's deliveries wait until it is enabled again. Failures back off exponentially
 * with jitter until the delivery is dead-lettered.
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String EVENT_ID_HEADER = "Moderation-Event-Id";
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final WebhookTargets targets;
    private final ModerationConfig.Webhooks settings;
    private final HttpClient http;

    WebhookDispatcher(EntityManager em, ObjectMapper json, WebhookTargets targets, ModerationConfig config) {
        this.em = em;
        this.json = json;
        this.targets = targets;
        this.settings = config.webhooks();
        // Redirects are not followed: a redirect could lead to an address the target check would refuse.
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${moderation.webhooks.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchScheduled() {
        dispatchDue();
    }

    /** Attempts the due deliveries, up to {@code moderation.webhooks.batch-size}; returns how many were attempted. */
    public int dispatchDue() {
        int attempted = 0;
        while (attempted < settings.batchSize()
                && QuarkusTransaction.requiringNew().call(this::attemptNextDue)) {
            attempted++;
        }
        return attempted;
    }

    private boolean attemptNextDue() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<WebhookDelivery> due = em.createNativeQuery("""
                SELECT d.* FROM webhook_delivery d
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM webhook_endpoint disabled
                                  WHERE disabled.id = d.endpoint_id AND disabled.disabled_at IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                  WHERE earlier.endpoint_id = d.endpoint_id AND earlier.comment_id = d.comment_id
                                    AND earlier.state = 'PENDING' AND earlier.event_seq < d.event_seq)
                ORDER BY d.next_attempt_at, d.event_seq
                LIMIT 1
                FOR UPDATE SKIP LOCKED""", WebhookDelivery.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        WebhookDelivery delivery = due.get(0);
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        WebhookAttempt attempt = send(endpoint, delivery);
        attempt.persist();
        delivery.attempts++;
        if (attempt.httpStatus != null && attempt.httpStatus / 100 == 2) {
            delivery.state = WebhookDelivery.State.DELIVERED;
            delivery.deliveredAt = attempt.attemptedAt;
        } else if (!attempt.attemptedAt.isBefore(delivery.giveUpAt)) {
            delivery.state = WebhookDelivery.State.DEAD;
            LOG.warnf("Webhook delivery %s of event %s to %s dead-lettered after %d attempts", delivery.id,
                    delivery.eventId, endpoint.url, delivery.attempts);
        } else {
            delivery.nextAttemptAt = attempt.attemptedAt.plus(backoff(delivery.attempts));
        }
        return true;
    }

    /** Equal jitter: half the exponential wait, plus a random part of the other half. */
    Duration backoff(int failedAttempts) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        long exponential = failedAttempts >= 31 ? max : Math.min(max, initial << (failedAttempts - 1));
        return Duration.ofMillis(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
    }

    private WebhookAttempt send(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = Instant.now();
        URI target = URI.create(endpoint.url);
        Optional<String> refusal = targets.refusal(target);
        if (refusal.isPresent()) {
            attempt.error = "not sent: " + refusal.get();
            return attempt;
        }
        String body = body(delivery);
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "comment-moderation-webhooks")
                .header(EVENT_ID_HEADER, delivery.eventId.toString())
                .header(WebhookSignatures.HEADER, WebhookSignatures.header(attempt.attemptedAt.getEpochSecond(), body,
                        endpoint.signingSecrets(attempt.attemptedAt)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            attempt.httpStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            attempt.error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted";
        }
        attempt.latencyMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return attempt;
    }

    /** What a receiver gets: the event's envelope and its payload, as the outbox holds it now (after any erasure). */
    private String body(WebhookDelivery delivery) {
        Object[] event = (Object[]) em.createNativeQuery("""
                SELECT type, site_id, CAST(comment_id AS text), seq, occurred_at, CAST(payload AS text)
                FROM domain_event WHERE id = :id""")
                .setParameter("id", delivery.eventId)
                .getSingleResult();
        try {
            ObjectNode envelope = json.createObjectNode();
            envelope.put("id", delivery.eventId.toString());
            envelope.put("type", (String) event[0]);
            envelope.put("siteId", (String) event[1]);
            envelope.put("commentId", (String) event[2]);
            envelope.put("sequence", ((Number) event[3]).longValue());
            envelope.put("occurredAt", toInstant(event[4]).toString());
            envelope.set("data", json.readTree((String) event[5]));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The outbox holds valid JSON: event " + delivery.eventId, e);
        }
    }

    private static Instant toInstant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
