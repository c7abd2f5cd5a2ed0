package news.moderation.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.platform.database.ArrayColumns;

/**
 * Publishes domain events: each one is written to the outbox and handed to its observers inside the transaction of
 * the change, so that the change, its event, its audit entry and its webhook deliveries commit together or not at
 * all. Observers that must be atomic with the change observe the event type ({@code @Observes(during =
 * TransactionPhase.IN_PROGRESS) CommentJudged}); those that write a row per event observe {@link RecordedEvents},
 * all the events published together (a batch of new comments) at once, and write them with one statement.
 * <p>
 * A change to a comment publishes after its row is written (flushed), so that it holds the row lock: the sequence of
 * a comment's events is then the order in which its changes commit.
 */
@ApplicationScoped
public class DomainEvents {

    /**
     * One statement for any number of events: arrays of their columns, unnested into rows. Typed arrays, so that a
     * null comment id reaches PostgreSQL as a uuid.
     */
    private static final String INSERT = """
            INSERT INTO domain_event (id, site_id, comment_id, author_id, type, payload, occurred_at)
            SELECT e.id, e.site_id, e.comment_id, e.author_id, e.type, CAST(e.payload AS jsonb), ?
            FROM unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::text[])
                 AS e(id, site_id, comment_id, author_id, type, payload)
            RETURNING id, seq""";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<Object> observers;

    DomainEvents(EntityManager em, ObjectMapper json, Event<Object> observers) {
        this.em = em;
        this.json = json;
        this.observers = observers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RecordedEvent publish(DomainEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Publishes several events of one transaction with one round trip to the database (a batch of new comments),
     * then hands them to their observers: all of them together first (as {@link RecordedEvents}), then each, in the
     * given order. What an observer of one event does in turn (such as a change of its author's standing) is then
     * recorded after the events that caused it. The events are about distinct comments: an observer of all of them
     * together sees none of its own writes for one event when it handles the next.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecordedEvent> publishAll(List<? extends DomainEvent> events) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = events.stream().map(event -> UUID.randomUUID()).toList();
        Session session = em.unwrap(Session.class);
        // The change's own rows first, as a query through the EntityManager would flush them.
        session.flush();
        Map<UUID, Long> sequences = session.doReturningWork(connection -> insert(connection, ids, events, now));
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedEvent(ids.get(i), sequences.get(ids.get(i)), now, events.get(i)));
        }
        observers.fire(new RecordedEvents(List.copyOf(recorded)));
        events.forEach(observers::fire);
        return recorded;
    }

    private Map<UUID, Long> insert(Connection connection, List<UUID> ids, List<? extends DomainEvent> events,
            Instant now) throws SQLException {
        ArrayColumns<DomainEvent> columns = new ArrayColumns<>(connection, List.copyOf(events));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(3, columns.of("varchar", DomainEvent::siteId));
            insert.setArray(4, columns.of("uuid", DomainEvent::commentId));
            insert.setArray(5, columns.of("varchar", DomainEvent::authorId));
            insert.setArray(6, columns.of("varchar", DomainEvent::type));
            insert.setArray(7, columns.of("text", this::payload));
            Map<UUID, Long> sequences = new HashMap<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    sequences.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return sequences;
        }
    }

    private String payload(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event record is always serialisable: " + event.type(), e);
        }
    }
}
