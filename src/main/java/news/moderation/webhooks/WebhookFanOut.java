package news.moderation.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import news.moderation.events.RecordedEvent;
import news.moderation.events.RecordedEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.database.ArrayColumns;

/**
 * Owes each recorded event to every enabled endpoint of its site that subscribed to its type, in the event's own
 * transaction: the change, its event and the deliveries it owes commit together, so a crash can lose none of them.
 * The events recorded together (a batch of new comments) get their deliveries from one insert, which runs in the
 * statement that records the events and takes their sequence from it.
 */
@ApplicationScoped
class WebhookFanOut {

    private static final String INSERT = """
            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_seq, event_type, comment_id, state,
                                          next_attempt_at, give_up_at, created_at)
            SELECT gen_random_uuid(), e.id, r.event_id, recorded.seq, r.type, r.comment_id, 'PENDING', r.occurred_at,
                   r.give_up_at, r.occurred_at
            FROM unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::timestamptz[], ?::timestamptz[])
                 WITH ORDINALITY AS r(event_id, type, comment_id, site_id, occurred_at, give_up_at, position)
            JOIN recorded ON recorded.id = r.event_id
            JOIN webhook_endpoint e ON e.site_id = r.site_id AND e.disabled_at IS NULL
                 AND e.event_types @> jsonb_build_array(r.type)
            ORDER BY r.position""";

    private final ModerationConfig.Webhooks settings;

    WebhookFanOut(ModerationConfig config) {
        this.settings = config.webhooks();
    }

    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvents recorded) {
        recorded.write(INSERT, connection -> parameters(connection, recorded.events()));
    }

    private List<Object> parameters(Connection connection, List<RecordedEvent> events) throws SQLException {
        ArrayColumns<RecordedEvent> columns = new ArrayColumns<>(connection, events);
        return List.of(columns.of("uuid", RecordedEvent::id),
                columns.of("varchar", event -> event.event().type()),
                columns.of("uuid", event -> event.event().commentId()),
                columns.of("varchar", event -> event.event().siteId()),
                columns.of("timestamptz", event -> event.occurredAt().toString()),
                columns.of("timestamptz", event -> event.occurredAt().plus(settings.deadLetterAfter()).toString()));
    }
}
