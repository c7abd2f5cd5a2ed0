package news.moderation.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes domain events: each one is written to the outbox and handed to its observers inside the transaction of
 * the change, so that the change, its event, its audit entry and its webhook deliveries commit together or not at
 * all. Observers that must be atomic with the change observe the event type ({@code @Observes(during =
 * TransactionPhase.IN_PROGRESS) CommentJudged}); those that need the outbox record observe {@link RecordedEvent}.
 * <p>
 * A change to a comment publishes after its row is written (flushed), so that it holds the row lock: the sequence of
 * a comment's events is then the order in which its changes commit.
 */
@ApplicationScoped
public class DomainEvents {

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
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Typed bindings: a null comment id must reach PostgreSQL as a uuid, not as an untyped null.
        long sequence = ((Number) em.createNativeQuery("""
                INSERT INTO domain_event (id, site_id, comment_id, author_id, type, payload, occurred_at)
                VALUES (:id, :site, :comment, :author, :type, CAST(:payload AS jsonb), :now) RETURNING seq""")
                .unwrap(NativeQuery.class)
                .setParameter("id", id, UUID.class)
                .setParameter("site", event.siteId(), String.class)
                .setParameter("comment", event.commentId(), UUID.class)
                .setParameter("author", event.authorId(), String.class)
                .setParameter("type", event.type())
                .setParameter("payload", payload(event))
                .setParameter("now", now)
                .getSingleResult()).longValue();
        RecordedEvent recorded = new RecordedEvent(id, sequence, now, event);
        observers.fire(event);
        observers.fire(recorded);
        return recorded;
    }

    private String payload(DomainEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event record is always serialisable: " + event.type(), e);
        }
    }
}
