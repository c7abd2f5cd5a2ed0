package news.moderation.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import news.moderation.events.DomainEvent;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;

/** Admins' side of webhooks: endpoints per site, their secrets, and the delivery log with manual redelivery. */
@ApplicationScoped
public class Webhooks {

    private final WebhookTargets targets;
    private final ModerationConfig.Webhooks settings;

    Webhooks(WebhookTargets targets, ModerationConfig config) {
        this.targets = targets;
        this.settings = config.webhooks();
    }

    @Transactional
    public WebhookViews.WithSecret register(String siteId, String url, List<String> eventTypes, String admin) {
        List<String> unknown = eventTypes.stream().filter(type -> !DomainEvent.TYPES.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw ClientErrorException.unprocessable("eventTypes",
                    "unknown event types " + unknown + "; known: " + DomainEvent.TYPES);
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.siteId = siteId;
        endpoint.url = targets.requireAllowed(url).toString();
        endpoint.eventTypes = eventTypes.stream().distinct().toList();
        endpoint.secret = WebhookSignatures.newSecret();
        endpoint.createdAt = now();
        endpoint.createdBy = admin;
        endpoint.persist();
        return new WebhookViews.WithSecret(WebhookViews.Endpoint.of(endpoint), endpoint.secret);
    }

    @Transactional
    public List<WebhookViews.Endpoint> list(Optional<String> siteId) {
        List<WebhookEndpoint> endpoints = siteId
                .map(site -> WebhookEndpoint.<WebhookEndpoint>list("siteId = ?1 order by createdAt", site))
                .orElseGet(() -> WebhookEndpoint.list("order by createdAt"));
        return endpoints.stream().map(WebhookViews.Endpoint::of).toList();
    }

    @Transactional
    public WebhookViews.Endpoint get(UUID id) {
        return WebhookViews.Endpoint.of(endpoint(id));
    }

    /** Removes the endpoint with its delivery log; what it was still owed is not sent. */
    @Transactional
    public void delete(UUID id) {
        endpoint(id).delete();
    }

    /**
     * Stops the endpoint's deliveries without losing its log: the events of its site are not owed to it while it is
     * disabled, and what it was owed before waits until it is enabled again. Disabling it twice changes nothing.
     */
    @Transactional
    public WebhookViews.Endpoint disable(UUID id) {
        WebhookEndpoint endpoint = endpoint(id);
        if (endpoint.disabledAt == null) {
            endpoint.disabledAt = now();
        }
        return WebhookViews.Endpoint.of(endpoint);
    }

    @Transactional
    public WebhookViews.Endpoint enable(UUID id) {
        WebhookEndpoint endpoint = endpoint(id);
        endpoint.disabledAt = null;
        return WebhookViews.Endpoint.of(endpoint);
    }

    /** A new secret; the old one keeps signing, next to it, for {@code moderation.webhooks.secret-grace-period}. */
    @Transactional
    public WebhookViews.WithSecret rotate(UUID id) {
        WebhookEndpoint endpoint = endpoint(id);
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretExpiresAt = now().plus(settings.secretGracePeriod());
        endpoint.secret = WebhookSignatures.newSecret();
        return new WebhookViews.WithSecret(WebhookViews.Endpoint.of(endpoint), endpoint.secret);
    }

    /** The endpoint's deliveries, newest event first; {@code state} narrows them (e.g. DEAD: the dead letters). */
    @Transactional
    public List<WebhookViews.Delivery> deliveries(UUID endpointId, Optional<WebhookDelivery.State> state, int limit) {
        endpoint(endpointId);
        List<WebhookDelivery> deliveries = state
                .map(s -> WebhookDelivery.<WebhookDelivery>find("endpointId = ?1 and state = ?2 order by eventSeq desc",
                        endpointId, s))
                .orElseGet(() -> WebhookDelivery.find("endpointId = ?1 order by eventSeq desc", endpointId))
                .page(0, limit).list();
        return deliveries.stream().map(WebhookViews.Delivery::of).toList();
    }

    @Transactional
    public WebhookViews.Delivery delivery(UUID id) {
        return WebhookViews.Delivery.of(deliveryById(id));
    }

    /**
     * Sends the delivery again as soon as the dispatcher comes by, with the same event id, whatever its state; it has
     * a new {@code moderation.webhooks.dead-letter-after} to get through.
     */
    @Transactional
    public WebhookViews.Delivery redeliver(UUID id) {
        WebhookDelivery delivery = deliveryById(id);
        Instant now = now();
        delivery.state = WebhookDelivery.State.PENDING;
        delivery.nextAttemptAt = now;
        delivery.giveUpAt = now.plus(settings.deadLetterAfter());
        delivery.deliveredAt = null;
        return WebhookViews.Delivery.of(delivery);
    }

    private static WebhookEndpoint endpoint(UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No webhook endpoint with id " + id));
    }

    private static WebhookDelivery deliveryById(UUID id) {
        return WebhookDelivery.<WebhookDelivery>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No webhook delivery with id " + id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
