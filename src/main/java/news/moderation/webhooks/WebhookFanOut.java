package news.moderation.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import news.moderation.events.RecordedEvent;
import news.moderation.events.RecordedEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.database.ArrayColumns;

/**
 * Owes each recorded event to every enabled endpoint of its site that subscribed to its type, in the event's own
 * transaction: the change, its event and the deliveries it owes commit together, so a crash can lose none of them.
 * The events recorded together (a batch of new comments) get their deliveries from one statement.
 */
@ApplicationScoped
class WebhookFanOut {

    private static final String INSERT = """
            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_seq, event_type, comment_id, state,
                                          next_attempt_at, give_up_at, created_at)
            SELECT gen_random_uuid(), e.id, r.event_id, r.seq, r.type, r.comment_id, 'PENDING', r.occurred_at,
                   r.give_up_at, r.occurred_at
            FROM unnest(?::uuid[], ?::int8[], ?::varchar[], ?::uuid[], ?::varchar[], ?::timestamptz[],
                        ?::timestamptz[]) WITH ORDINALITY
                 AS r(event_id, seq, type, comment_id, site_id, occurred_at, give_up_at, position)
            JOIN webhook_endpoint e ON e.site_id = r.site_id AND e.disabled_at IS NULL
                 AND e.event_types @> jsonb_build_array(r.type)
            ORDER BY r.position""";

    private final EntityManager em;
    private final ModerationConfig.Webhooks settings;

    WebhookFanOut(EntityManager em, ModerationConfig config) {
        this.em = em;
        this.settings = config.webhooks();
    }

    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvents recorded) {
        em.unwrap(Session.class).doWork(connection -> insert(connection, recorded.events()));
    }

    private void insert(Connection connection, List<RecordedEvent> events) throws SQLException {
        ArrayColumns<RecordedEvent> columns = new ArrayColumns<>(connection, events);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, columns.of("uuid", RecordedEvent::id));
            insert.setArray(2, columns.of("int8", RecordedEvent::sequence));
            insert.setArray(3, columns.of("varchar", event -> event.event().type()));
            insert.setArray(4, columns.of("uuid", event -> event.event().commentId()));
            insert.setArray(5, columns.of("varchar", event -> event.event().siteId()));
            insert.setArray(6, columns.of("timestamptz", event -> event.occurredAt().toString()));
            insert.setArray(7, columns.of("timestamptz",
                    event -> event.occurredAt().plus(settings.deadLetterAfter()).toString()));
            insert.executeUpdate();
        }
    }
}
