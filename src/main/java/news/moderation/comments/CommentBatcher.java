package news.moderation.comments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.engine.Verdict;
import news.moderation.events.DomainEvent;
import news.moderation.events.DomainEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.database.ArrayColumns;
import news.moderation.platform.database.CommitOutcomeUnknownException;
import news.moderation.platform.database.DatabaseUnavailableMapper;
import news.moderation.platform.database.JsonText;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.ServiceStoppingException;

/**
 * Group commit of new comments: concurrent submissions are stored in one transaction, so that one commit (one fsync of
 * PostgreSQL's write-ahead log) acknowledges many of them, with their rows and their outbox events each written by one
 * statement for the whole batch. Each submission still returns only once its own comment is committed.
 * <p>
 * A batch is gathered by one committer at a time: it takes what is waiting, up to {@code max-size}, and waits for more
 * only until its oldest comment has waited {@code max-wait} (by default not at all: what queues up while the committers
 * are busy makes the next batch); while it commits, another committer gathers the next batch. That batch waits for the
 * one being written to commit, then takes everything that queued meanwhile, unless its oldest comment has waited
 * {@code overlap-after} (a slow commit, a database a network hop away) or it already holds {@code overlap-size}
 * comments (a burst under load): then it is written beside it. So at a moderate rate a batch is what arrived during one
 * commit, not the first comment an idle committer woke up for, and each transaction, round trip and fsync is shared by
 * more comments; under load a batch is written as soon as it is worth a transaction (docs/benchmarks.md,
 * "Committers").
 * <p>
 * A comment that cannot be stored fails alone: an author who may not comment or a wrong parent is refused for that
 * comment only, a taken idempotency key skips its row ({@code ON CONFLICT DO NOTHING}), and when the database refuses
 * the batch for any other reason each of its comments is stored again in a transaction of its own, so that only the
 * one at fault fails.
 * When the database is unreachable the whole batch fails at once (503).
 */
@ApplicationScoped
class CommentBatcher {

    /** A judged comment to store for its site, with the idempotency key and request hash it was sent with. */
    record NewComment(SubmitCommentRequest request, Verdict verdict, String siteId, String idempotencyKey,
            String requestHash) {
    }

    private static final Logger LOG = Logger.getLogger(CommentBatcher.class);
    private static final String STOPPED = "The service is stopping; the comment was not stored. Send it again.";

    private static final String INSERT = """
            INSERT INTO comment (id, site_id, article_id, author_id, author_name, parent_id, body, lang, status,
                                 decision, categories, matches, max_severity, ruleset_version, created_at,
                                 idempotency_key, request_hash)
            SELECT c.id, c.site_id, c.article_id, c.author_id, c.author_name, c.parent_id, c.body, c.lang, c.status,
                   c.decision, CAST(c.categories AS jsonb), CAST(c.matches AS jsonb), c.max_severity,
                   c.ruleset_version, c.created_at, c.idempotency_key, c.request_hash
            FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[], ?::text[],
                        ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::int2[], ?::varchar[],
                        ?::timestamptz[], ?::varchar[], ?::varchar[])
                 AS c(id, site_id, article_id, author_id, author_name, parent_id, body, lang, status, decision,
                      categories, matches, max_severity, ruleset_version, created_at, idempotency_key, request_hash)
            """;

    /**
     * For a batch in which a comment has an idempotency key: a row whose key its site has taken already is skipped.
     * Only for such a batch: {@code ON CONFLICT} makes PostgreSQL insert every row of the statement speculatively (a
     * look-up in the key's index first, a lock, and one more WAL record per row to confirm it), rows without a key
     * included.
     */
    private static final String INSERT_UNLESS_KEY_TAKEN = INSERT + """
            ON CONFLICT (site_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING id""";

    private static final String INSERT_ALL = INSERT + "RETURNING id";

    /** One submission waiting for its batch: stored (empty when its idempotency key was taken), or failed. */
    private record Waiting(NewComment comment, long arrivedAt, CompletableFuture<Optional<Comment>> stored) {
    }

    private final NewComments newComments;
    private final DomainEvents events;
    private final EntityManager em;
    private final ObjectMapper json;
    private final int maxSize;
    private final long maxWaitNanos;
    private final long overlapAfterNanos;
    private final int overlapSize;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    /** Held while gathering a batch: two committers gathering at once would split it in halves. */
    private final ReentrantLock gathering = new ReentrantLock();
    /** Guards {@link #writing}; apart from {@link #gathering}, which the gatherer holds while it waits for a commit. */
    private final ReentrantLock batchesWritten = new ReentrantLock();
    /** Signalled when a batch has been written (committed or failed). */
    private final Condition batchWritten = batchesWritten.newCondition();
    /** The batches gathered and not yet written (committed or failed). */
    private int writing;
    /** Whether a gatherer waits for a batch to be written: a submission that makes its batch overlap-size wakes it. */
    private volatile boolean awaitingCommit;
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean stopped;

    CommentBatcher(NewComments newComments, DomainEvents events, EntityManager em, ObjectMapper json,
            ModerationConfig config) {
        this.newComments = newComments;
        this.events = events;
        this.em = em;
        this.json = json;
        ModerationConfig.SubmissionBatch settings = config.submissionBatch();
        this.maxSize = settings.maxSize();
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.overlapAfterNanos = settings.overlapAfter().toNanos();
        this.overlapSize = settings.overlapSize();
        // Created with the first submission (the bean is created on first use), not on the start path.
        for (int i = 1; i <= settings.committers(); i++) {
            Thread committer = new Thread(this::commitBatches, "comment-committer-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
    }

    /**
     * Queues the comment to be stored together with the others submitted meanwhile; the answer completes, on a
     * committer's thread, once its transaction has committed: empty when another comment of its site took its
     * idempotency key first, failed with a {@link ClientErrorException} when the comment may not be stored (its author,
     * its parent). Nothing here blocks, so a submission waits for its commit without holding a thread.
     */
    CompletableFuture<Optional<Comment>> enqueue(NewComment comment) {
        Waiting waiting = new Waiting(comment, System.nanoTime(), new CompletableFuture<>());
        if (stopped) {
            throw new ServiceStoppingException(STOPPED);
        }
        queue.add(waiting);
        if (awaitingCommit && gatheredWhileWaiting() >= overlapSize) {
            batchesWritten.lock();
            try {
                batchWritten.signalAll();
            } finally {
                batchesWritten.unlock();
            }
        }
        return waiting.stored();
    }

    /** {@link #enqueue}, waiting on the caller's thread for the commit. */
    Optional<Comment> store(NewComment comment) {
        try {
            return enqueue(comment).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        committers.forEach(Thread::interrupt);
        // Requests have drained before the application stops; anything left is answered rather than left hanging.
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        answerStopped(left);
    }

    private static void answerStopped(List<Waiting> comments) {
        comments.forEach(waiting -> waiting.stored().completeExceptionally(new ServiceStoppingException(STOPPED)));
    }

    private void commitBatches() {
        while (!stopped) {
            List<Waiting> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                return;
            }
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                // write answers every comment of the batch itself; this is a bug, and the committer carries on.
                LOG.error("A batch of comments failed unexpectedly", e);
                batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            } finally {
                batchesWritten.lock();
                try {
                    writing--;
                    batchWritten.signalAll();
                } finally {
                    batchesWritten.unlock();
                }
            }
        }
    }

    private List<Waiting> nextBatch() throws InterruptedException {
        gathering.lockInterruptibly();
        try {
            Waiting first = queue.take();
            List<Waiting> batch = new ArrayList<>(maxSize);
            batch.add(first);
            try {
                awaitBatchWritten(first.arrivedAt() + overlapAfterNanos);
                queue.drainTo(batch, maxSize - batch.size());
                long deadline = first.arrivedAt() + maxWaitNanos;
                while (batch.size() < maxSize) {
                    long left = deadline - System.nanoTime();
                    Waiting next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, maxSize - batch.size());
                }
            } catch (InterruptedException stopping) {
                // Taken from the queue already, so stop() does not see them: answered here, not left hanging.
                answerStopped(batch);
                throw stopping;
            }
            batchesWritten.lock();
            try {
                writing++;
            } finally {
                batchesWritten.unlock();
            }
            return batch;
        } finally {
            gathering.unlock();
        }
    }

    /**
     * While another committer writes a batch, waits for it to be written, but not past {@code overlapAt} nor once
     * {@code overlap-size} comments are gathered: what queues up meanwhile then joins the batch being gathered, instead
     * of each comment making a batch of its own.
     */
    private void awaitBatchWritten(long overlapAt) throws InterruptedException {
        batchesWritten.lockInterruptibly();
        try {
            // Set before the size is read, under the lock a submission signals with: no wake-up is lost.
            awaitingCommit = true;
            long left = overlapAt - System.nanoTime();
            while (writing > 0 && left > 0 && gatheredWhileWaiting() < overlapSize) {
                left = batchWritten.awaitNanos(left);
            }
        } finally {
            awaitingCommit = false;
            batchesWritten.unlock();
        }
    }

    /** The comments of the batch being gathered while its gatherer waits: the one it took first, and the queue. */
    private int gatheredWhileWaiting() {
        return 1 + queue.size();
    }

    /** Stores the batch in one transaction and answers each of its comments once it has committed. */
    private void write(List<Waiting> batch) {
        List<Outcome> outcomes;
        AtomicReference<List<Outcome>> committing = new AtomicReference<>();
        try {
            outcomes = inRequestContext(() -> QuarkusTransaction.requiringNew().call(() -> {
                committing.set(storeAll(batch));
                return committing.get();
            }));
        } catch (RuntimeException e) {
            boolean connectionFailure = DatabaseUnavailableMapper.isConnectionFailure(e);
            if (connectionFailure && committing.get() != null) {
                // Every statement had succeeded: the connection died during COMMIT, which may have taken effect.
                for (int i = 0; i < batch.size(); i++) {
                    committing.get().get(i).answerUncommitted(batch.get(i).stored(), e);
                }
            } else if (batch.size() > 1 && !connectionFailure) {
                // The database refused one of its rows, and with it the batch: each comment again on its own.
                LOG.debugf("A batch of %d comments was refused (%s); storing each on its own", batch.size(),
                        e.getMessage());
                batch.forEach(waiting -> write(List.of(waiting)));
            } else {
                batch.forEach(waiting -> waiting.stored().completeExceptionally(e));
            }
            return;
        }
        // Committed: now, and only now, each submission gets its answer.
        for (int i = 0; i < batch.size(); i++) {
            outcomes.get(i).answer(batch.get(i).stored());
        }
    }

    /** What became of one comment of a committed batch. */
    private record Outcome(Optional<Comment> stored, ClientErrorException refused) {

        void answer(CompletableFuture<Optional<Comment>> waiting) {
            if (refused != null) {
                waiting.completeExceptionally(refused);
            } else {
                waiting.complete(stored);
            }
        }

        /** The commit failed with the connection: a comment that was written may or may not have been stored. */
        void answerUncommitted(CompletableFuture<Optional<Comment>> waiting, RuntimeException commitFailure) {
            if (stored.isPresent()) {
                waiting.completeExceptionally(
                        new CommitOutcomeUnknownException("/api/v1/comments/" + stored.get().id, commitFailure));
            } else {
                waiting.completeExceptionally(refused != null ? refused : commitFailure);
            }
        }
    }

    private List<Outcome> storeAll(List<Waiting> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Comment> admitted = new ArrayList<>(batch.size());
        List<Verdict> verdicts = new ArrayList<>(batch.size());
        // The authors' standing: one lookup per site of the batch (usually one), not two per comment.
        Map<String, Map<String, AuthorPolicy.Admission>> admissions = newComments.admissions(batch,
                waiting -> waiting.comment().siteId(), waiting -> waiting.comment().request().authorId());
        // The replies' parents: one lookup for the batch, not one per reply.
        Map<UUID, NewComments.Parent> parents = newComments.parents(batch.stream()
                .map(waiting -> waiting.comment().request().parentId()).filter(Objects::nonNull).toList());
        for (Waiting waiting : batch) {
            NewComment comment = waiting.comment();
            try {
                admitted.add(newComments.admit(comment.request(), comment.verdict(), comment.siteId(),
                        comment.idempotencyKey(), comment.requestHash(),
                        admissions.get(comment.siteId()).get(comment.request().authorId()), parents));
                verdicts.add(comment.verdict());
                outcomes.add(null); // known once the rows are inserted
            } catch (ClientErrorException refused) {
                outcomes.add(new Outcome(Optional.empty(), refused));
            }
        }
        Set<UUID> inserted = admitted.isEmpty() ? Set.of()
                : em.unwrap(Session.class).doReturningWork(connection -> insert(connection, admitted));
        List<DomainEvent> judged = new ArrayList<>(inserted.size());
        for (int i = 0, next = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                continue;
            }
            Comment comment = admitted.get(next);
            Verdict verdict = verdicts.get(next++);
            if (inserted.contains(comment.id)) {
                outcomes.set(i, new Outcome(Optional.of(comment), null));
                judged.add(CommentService.judgement(comment, null, verdict, false));
            } else {
                outcomes.set(i, new Outcome(Optional.empty(), null)); // its idempotency key was taken
            }
        }
        if (!judged.isEmpty()) {
            events.publishAll(judged);
        }
        return outcomes;
    }

    /** Inserts the comments with one statement; returns the ids of those inserted (not those whose key was taken). */
    private Set<UUID> insert(Connection connection, List<Comment> comments) throws SQLException {
        boolean keyed = comments.stream().anyMatch(comment -> comment.idempotencyKey != null);
        ArrayColumns<Comment> columns = new ArrayColumns<>(comments);
        try (PreparedStatement insert = connection.prepareStatement(keyed ? INSERT_UNLESS_KEY_TAKEN : INSERT_ALL)) {
            ArrayColumns.bind(insert, List.of(columns.of(c -> c.id),
                    columns.of(c -> c.siteId),
                    columns.of(c -> c.articleId),
                    columns.of(c -> c.authorId),
                    columns.of(c -> c.authorName),
                    columns.of(c -> c.parentId),
                    columns.of(c -> c.body),
                    columns.of(c -> c.lang),
                    columns.of(c -> c.status),
                    columns.of(c -> c.decision),
                    columns.of(c -> JsonText.of(json, c.categories)),
                    columns.of(c -> JsonText.of(json, c.matches)),
                    columns.of(c -> c.maxSeverity),
                    columns.of(c -> c.rulesetVersion),
                    columns.of(c -> c.createdAt),
                    columns.of(c -> c.idempotencyKey),
                    columns.of(c -> c.requestHash)));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /** Observers of the comments' events may need a request context, as they have on a request's thread. */
    private static <T> T inRequestContext(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }
}
