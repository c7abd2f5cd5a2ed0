package news.moderation.events;

import java.util.List;

/**
 * The events one transaction recorded together (one change, or a batch of new comments), in their order: what the
 * observers that write per event (audit trail, statements of reasons, webhook deliveries) observe, so that each of
 * them writes a whole batch with one statement rather than one per event.
 */
public record RecordedEvents(List<RecordedEvent> events) {
}
