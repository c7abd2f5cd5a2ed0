package news.moderation.webhooks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import news.moderation.events.RecordedEvents;
import news.moderation.platform.config.ModerationConfig;

/**
 * Owes each recorded event to every enabled endpoint of its site that subscribed to its type, in the event's own
 * transaction: the change, its event and the deliveries it owes commit together, so a crash can lose none of them.
 * The events recorded together (a batch of new comments) get their deliveries from one insert, which runs in the
 * statement that records the events and takes their sequence from it.
 */
@ApplicationScoped
class WebhookFanOut {

    /** The events' own columns come from the statement that records them; only the dead-letter time is given. */
    private static final String INSERT = """
            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_seq, event_type, comment_id, state,
                                          next_attempt_at, give_up_at, created_at)
            SELECT gen_random_uuid(), e.id, r.id, r.seq, r.type, r.comment_id, 'PENDING', r.occurred_at,
                   r.occurred_at + ?::float8 * interval '1 millisecond', r.occurred_at
            FROM recorded r
            JOIN webhook_endpoint e ON e.site_id = r.site_id AND e.disabled_at IS NULL
                 AND e.event_types @> jsonb_build_array(r.type)
            ORDER BY r.seq""";

    private final ModerationConfig.Webhooks settings;

    WebhookFanOut(ModerationConfig config) {
        this.settings = config.webhooks();
    }

    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvents recorded) {
        recorded.write(INSERT, List.of(settings.deadLetterAfter().toMillis()));
    }
}
