package news.moderation.workbench;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One preview as the admin API shows it; updated by the thread that runs it, read by requests. */
public final class PreviewJob {

    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What {@code GET …/preview/{id}} answers; {@code result} only when DONE, {@code error} only when FAILED. */
    public record View(UUID id, State status, long judged, long total, Instant createdAt, Instant finishedAt,
                       String error, PreviewResult result) {
    }

    private final UUID id = UUID.randomUUID();
    private final Instant createdAt = Instant.now();
    private final AtomicLong judged = new AtomicLong();
    private volatile State state = State.QUEUED;
    private volatile boolean cancelRequested;
    private volatile long total;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile PreviewResult result;

    UUID id() {
        return id;
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Asks the judging loop to stop at its next batch; a queued job never starts. */
    void cancel() {
        cancelRequested = true;
    }

    void started(long totalRows) {
        total = totalRows;
        state = State.RUNNING;
    }

    void judged(long rows) {
        judged.addAndGet(rows);
    }

    void done(PreviewResult preview) {
        result = preview;
        end(State.DONE);
    }

    void cancelled() {
        end(State.CANCELLED);
    }

    void failed(String message) {
        error = message;
        end(State.FAILED);
    }

    private void end(State finalState) {
        finishedAt = Instant.now();
        state = finalState;
    }

    View view() {
        State now = state;
        return new View(id, now, judged.get(), total, createdAt, finishedAt, now == State.FAILED ? error : null,
                now == State.DONE ? result : null);
    }
}
