package news.moderation.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The events one transaction records together (one change, or a batch of new comments), in their order: what the
 * observers that write per event (audit trail, statements of reasons, webhook deliveries) observe. Each of them adds
 * one {@code INSERT} for all the events ({@link #write}); the events and those inserts are then one statement, so that
 * recording a change's events and everything they cause costs one round trip to the database.
 */
public final class RecordedEvents {

    /** An insert to run with the events, and the values of its parameters, in the order of its {@code ?}s. */
    record Write(String insert, List<Object> parameters) {
    }

    private final List<RecordedEvent> events;
    private final List<Write> writes = new ArrayList<>();

    RecordedEvents(List<RecordedEvent> events) {
        this.events = events;
    }

    public List<RecordedEvent> events() {
        return events;
    }

    /**
     * Runs {@code insert} in the statement that records these events, as one of its data-modifying {@code WITH}
     * queries: it sees the database as it was before the events (the change's own rows included) and may read the
     * events just recorded, with their sequence, as
     * {@code recorded (id, seq, site_id, comment_id, type, occurred_at)}. Its rows are written whether or not
     * anything reads them. {@code parameters} are bound as {@link news.moderation.platform.database.ArrayColumns#bind}
     * binds them.
     */
    public void write(String insert, List<Object> parameters) {
        writes.add(new Write(insert, parameters));
    }

    List<Write> writes() {
        return writes;
    }
}
