package news.moderation.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import news.moderation.events.RecordedEvent;
import news.moderation.platform.config.ModerationConfig;

/**
 * Owes each recorded event to every enabled endpoint of its site that subscribed to its type, in the event's own
 * transaction: the change, its event and the deliveries it owes commit together, so a crash can lose none of them.
 */
@ApplicationScoped
class WebhookFanOut {

    private final EntityManager em;
    private final ModerationConfig.Webhooks settings;

    WebhookFanOut(EntityManager em, ModerationConfig config) {
        this.em = em;
        this.settings = config.webhooks();
    }

    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvent recorded) {
        Instant now = recorded.occurredAt();
        em.createNativeQuery("""
                INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_seq, event_type, comment_id, state,
                                              next_attempt_at, give_up_at, created_at)
                SELECT gen_random_uuid(), e.id, :event, :seq, :type, :comment, 'PENDING', :now, :giveUp, :now
                FROM webhook_endpoint e
                WHERE e.site_id = :site AND e.event_types @> jsonb_build_array(CAST(:type AS text))
                  AND e.disabled_at IS NULL""")
                .unwrap(NativeQuery.class)
                .setParameter("event", recorded.id(), UUID.class)
                .setParameter("seq", recorded.sequence())
                .setParameter("type", recorded.event().type(), String.class)
                .setParameter("comment", recorded.event().commentId(), UUID.class)
                .setParameter("now", now)
                .setParameter("giveUp", now.plus(settings.deadLetterAfter()))
                .setParameter("site", recorded.event().siteId(), String.class)
                .executeUpdate();
    }
}
