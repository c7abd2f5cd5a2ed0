package news.moderation.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event as the outbox holds it: {@code id} is unique per event (receivers de-duplicate on it). The outbox
 * row's {@code seq} orders events; a comment's events are in the order of their changes, because each change holds the
 * comment's row lock when its event is recorded. The sequence is assigned by the statement that records the event,
 * which is also where the writes of the event's observers read it ({@link RecordedEvents#write}).
 */
public record RecordedEvent(UUID id, Instant occurredAt, DomainEvent event) {
}
