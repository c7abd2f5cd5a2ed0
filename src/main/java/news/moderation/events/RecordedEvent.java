package news.moderation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event as the outbox holds it: {@code id} is unique per event (receivers de-duplicate on it) and
 * {@code sequence} orders events; a comment's events are in the order of their changes, because each change holds the
 * comment's row lock when its event is recorded.
 */
public record RecordedEvent(UUID id, long sequence, Instant occurredAt, DomainEvent event) {
}
