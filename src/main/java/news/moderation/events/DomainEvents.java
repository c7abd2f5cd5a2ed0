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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * all the events published together (a batch of new comments) at once, and add one insert for all of them, which runs
 * in the statement that records the events: one round trip for the events and all they cause.
 * <p>
 * A change to a comment publishes after its row is written (flushed), so that it holds the row lock: the sequence of
 * a comment's events is then the order in which its changes commit.
 */
@ApplicationScoped
public class DomainEvents {

    /**
     * The events, as one insert for any number of them: arrays of their columns, unnested into rows in their order.
     * Typed arrays, so that a null comment id reaches PostgreSQL as a uuid. The observers' inserts follow as further
     * {@code WITH} queries; the count of the events recorded closes the statement.
     */
    private static final String RECORD = """
            WITH recorded AS (
                INSERT INTO domain_event (id, site_id, comment_id, author_id, type, payload, occurred_at)
                SELECT e.id, e.site_id, e.comment_id, e.author_id, e.type, CAST(e.payload AS jsonb), ?
                FROM unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::text[]) WITH ORDINALITY
                     AS e(id, site_id, comment_id, author_id, type, payload, position)
                ORDER BY e.position
                RETURNING id, seq, site_id, comment_id, type, occurred_at)""";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Event<Object> observers;
    /**
     * The statement's text for each list of the observers' inserts: the same few lists come again and again (a batch
     * of new comments with or without a statement of reasons), so each text is made once.
     */
    private final Map<List<String>, String> statements = new ConcurrentHashMap<>();

    DomainEvents(EntityManager em, ObjectMapper json, Event<Object> observers) {
        this.em = em;
        this.json = json;
        this.observers = observers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DomainEvent event) {
        publishAll(List.of(event));
    }

    /**
     * Publishes several events of one transaction with one round trip to the database (a batch of new comments),
     * together with what the observers of all of them write (as {@link RecordedEvents}), then hands each event to its
     * own observers, in the given order. What an observer of one event does in turn (such as a change of its author's
     * standing) is then recorded after the events that caused it. The events are about distinct comments: an observer
     * of all of them together sees none of its own writes for one event when it handles the next.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<? extends DomainEvent> events) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<RecordedEvent> recorded = events.stream()
                .map(event -> new RecordedEvent(UUID.randomUUID(), now, event)).toList();
        RecordedEvents together = new RecordedEvents(recorded);
        observers.fire(together);
        Session session = em.unwrap(Session.class);
        // The change's own rows first (and what the observers changed), as a query through the EntityManager would
        // flush them: the observers' inserts read them.
        session.flush();
        session.doWork(connection -> record(connection, together, now));
        events.forEach(observers::fire);
    }

    private void record(Connection connection, RecordedEvents together, Instant now) throws SQLException {
        List<RecordedEvent> events = together.events();
        ArrayColumns<RecordedEvent> columns = new ArrayColumns<>(events);
        List<Object> parameters = new ArrayList<>(List.of(OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                columns.of(RecordedEvent::id),
                columns.of(event -> event.event().siteId()),
                columns.of(event -> event.event().commentId()),
                columns.of(event -> event.event().authorId()),
                columns.of(event -> event.event().type()),
                columns.of(event -> payload(event.event()))));
        List<String> inserts = new ArrayList<>(together.writes().size());
        for (RecordedEvents.Write write : together.writes()) {
            inserts.add(write.insert());
            parameters.addAll(write.parameters());
        }
        try (PreparedStatement record = connection.prepareStatement(statements.computeIfAbsent(inserts,
                DomainEvents::statement))) {
            try (ResultSet count = ArrayColumns.bind(record, parameters).executeQuery()) {
                if (!count.next() || count.getLong(1) != events.size()) {
                    throw new IllegalStateException("Not every event of " + events.size() + " was recorded");
                }
            }
        }
    }

    /** The events' insert with {@code inserts} as its further {@code WITH} queries, in their order. */
    private static String statement(List<String> inserts) {
        StringBuilder statement = new StringBuilder(RECORD);
        int written = 0;
        for (String insert : inserts) {
            statement.append(",\nwrite_").append(++written).append(" AS (\n").append(insert).append(')');
        }
        return statement.append("\nSELECT count(*) FROM recorded").toString();
    }

    private String payload(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event record is always serialisable: " + event.type(), e);
        }
    }
}
