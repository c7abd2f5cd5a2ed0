package news.moderation.comments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.Verdict;
import news.moderation.events.CommentJudged;
import news.moderation.events.DomainEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.Problem;
import news.moderation.platform.paging.Cursor;
import news.moderation.ruleset.Language;
import news.moderation.ruleset.RulesetService;
import news.moderation.ruleset.VerdictView;
import news.moderation.sites.CallingSite;

@ApplicationScoped
public class CommentService {

    private final RulesetService rulesets;
    private final AuthorPolicy authors;
    private final DomainEvents events;
    private final CommentBatcher batcher;
    private final CallingSite site;
    private final boolean maskPublished;
    private final Duration editWindow;

    CommentService(RulesetService rulesets, AuthorPolicy authors, DomainEvents events, CommentBatcher batcher,
            CallingSite site, ModerationConfig config) {
        this.rulesets = rulesets;
        this.authors = authors;
        this.events = events;
        this.batcher = batcher;
        this.site = site;
        this.maskPublished = config.comments().maskPublished();
        this.editWindow = config.comments().editWindow();
    }

    /** The outcome of a submission: the stored comment, and whether this call created it or replayed an earlier one. */
    public record Submission(Comment comment, boolean created) {
    }

    /**
     * Judges and stores a comment. Returns only once the comment is committed, so a 201 means durable; concurrent
     * submissions share one transaction ({@link CommentBatcher}). A retry with the same idempotency key and the same
     * request replays the original comment; with another request it is refused. Blocks: the key is looked up first.
     */
    public Submission submit(SubmitCommentRequest request, String idempotencyKey) {
        String requestHash = hash(request);
        Optional<Submission> replay = replay(idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<Comment> stored = batcher.store(judged(request, idempotencyKey, requestHash));
        // Not stored: a concurrent first attempt with the same key won, and this one answers with its comment.
        return stored.map(comment -> new Submission(comment, true))
                .orElseGet(() -> replay(idempotencyKey, requestHash).orElseThrow(
                        () -> new IllegalStateException("A comment that took an idempotency key is committed")));
    }

    /**
     * Judges and stores a comment sent without an idempotency key; the answer completes once the comment is committed
     * (a 201 means durable), together with those submitted meanwhile ({@link CommentBatcher}). Nothing here blocks:
     * the engine needs no database, and the comment waits for its commit without holding a thread, so this runs on
     * the HTTP layer's event loop.
     */
    public CompletionStage<Comment> submit(SubmitCommentRequest request) {
        return batcher.enqueue(judged(request, null, null)).thenApply(stored -> stored.orElseThrow(
                () -> new IllegalStateException("A comment without an idempotency key is always stored")));
    }

    /** The comment to store for the calling site, with its verdict, judged outside the (short) transaction. */
    private CommentBatcher.NewComment judged(SubmitCommentRequest request, String idempotencyKey,
            String requestHash) {
        Verdict verdict = rulesets.judge("body", request.body(), Language.primary(request.lang()),
                JudgingContext.of(request.parentId() != null));
        return new CommentBatcher.NewComment(request, verdict, site.siteId(), idempotencyKey, requestHash);
    }

    /**
     * Stores a comment that reached the service through an integration (such as Coral) for {@code siteId}, with the
     * verdict the caller got for it, together with the submissions of the moment ({@link CommentBatcher}); returns
     * once it is committed. The batch has its own transaction: the caller has none open.
     *
     * @throws ClientErrorException when the comment may not be stored (its author, its parent)
     */
    public Comment record(SubmitCommentRequest request, String siteId, Verdict verdict) {
        return batcher.store(new CommentBatcher.NewComment(request, verdict, siteId, null, null)).orElseThrow(
                () -> new IllegalStateException("A comment without an idempotency key is always stored"));
    }

    /**
     * The author of a comment of the calling site replaces its body: a new revision, judged and stored, unless it is
     * the body of the latest revision already (a retried edit stores nothing). Only within the edit window after the
     * comment was written, and never once it is rejected.
     */
    public Comment edit(UUID id, EditCommentRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked: two edits at once become two revisions one after the other, not one lost update.
            Comment comment = Comment.findVisible(id, site.siteId()::equals, LockModeType.PESSIMISTIC_WRITE);
            if (!comment.authorId.equals(request.authorId())) {
                throw new ClientErrorException(Response.Status.FORBIDDEN, "Only its author may edit a comment");
            }
            authors.requireMayComment(comment.siteId, comment.authorId);
            if (comment.body.equals(request.body())) {
                return comment;
            }
            if (comment.status == CommentStatus.REJECTED) {
                throw new ClientErrorException(Response.Status.CONFLICT, "A rejected comment cannot be edited");
            }
            Instant windowEnd = comment.createdAt.plus(editWindow);
            if (Instant.now().isAfter(windowEnd)) {
                throw new ClientErrorException(Response.Status.CONFLICT, "The comment can no longer be edited: its "
                        + "edit window (" + editWindow + " after it was written) closed at " + windowEnd);
            }
            Verdict verdict = rulesets.judge("body", request.body(), Language.primary(comment.lang),
                    JudgingContext.of(comment.parentId != null));
            return applyEdit(comment, request.body(), verdict);
        });
    }

    /**
     * Its author edited the comment: the new body and its verdict become its latest revision, the one it replaces is
     * kept, and the judgement of the edit is published. Readers go on seeing the last published revision while the
     * new one waits for a moderator. Joins the caller's transaction.
     */
    public Comment applyEdit(Comment comment, String body, Verdict verdict) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            CommentStatus before = comment.status;
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            CommentRevision.keep(comment, now);
            Integer lastPublished = switch (before) {
                case PUBLISHED -> comment.revision;
                case PENDING_REVIEW -> comment.publishedRevision;
                case REPORTED, REJECTED -> null;
            };
            comment.revision++;
            comment.revisedAt = now;
            comment.body = body;
            judged(comment, verdict, authors.isPremoderated(comment.siteId, comment.authorId));
            if (before == CommentStatus.REPORTED && comment.status == CommentStatus.PUBLISHED) {
                // Readers, not the rules, sent it to the queue: an edit the rules allow does not take it out.
                comment.status = CommentStatus.REPORTED;
            }
            comment.publishedRevision = comment.status == CommentStatus.PENDING_REVIEW ? lastPublished : null;
            comment.persistAndFlush();
            events.publish(judgement(comment, before, verdict, false));
            return comment;
        });
    }

    /** A comment of the calling site; another site's does not exist for it. */
    public Comment find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Comment.findVisible(id, site.siteId()::equals));
    }

    public PublishedCommentView.Page publishedPage(String articleId, String cursor, int limit) {
        long[] after = Cursor.decode(cursor, "thread", 1);
        long afterSeq = after == null ? 0 : after[0];
        // One extra row tells whether there is a next page.
        List<Comment> rows = QuarkusTransaction.joiningExisting()
                .call(() -> Comment.publishedPage(site.siteId(), articleId, afterSeq, limit + 1));
        List<Comment> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? Cursor.encode("thread", page.get(page.size() - 1).seq) : null;
        return new PublishedCommentView.Page(QuarkusTransaction.joiningExisting()
                .call(() -> page.stream().map(this::asPublished).toList()), next);
    }

    /** The comment as readers see it: its latest revision once published, else the earlier one that was. */
    private PublishedCommentView asPublished(Comment comment) {
        if (comment.status == CommentStatus.PUBLISHED) {
            return PublishedCommentView.of(comment, comment.revision, shown(comment.body, comment.verdict()));
        }
        CommentRevision published = CommentRevision.of(comment.id, comment.publishedRevision);
        return PublishedCommentView.of(comment, published.revision, shown(published.body, published.verdict()));
    }

    private String shown(String body, VerdictView verdict) {
        return maskPublished ? rulesets.mask(body, verdict) : body;
    }

    /**
     * Gives the comment the verdict and the status that follows from it and from its author's standing;
     * {@code premoderated}: a verdict that would publish it leaves it for a moderator.
     */
    static void judged(Comment comment, Verdict verdict, boolean premoderated) {
        VerdictView view = VerdictView.of(verdict);
        comment.status = CommentStatus.after(verdict.decision());
        if (comment.status == CommentStatus.PUBLISHED && premoderated) {
            comment.status = CommentStatus.PENDING_REVIEW;
        }
        comment.decision = view.decision();
        comment.categories = view.categories();
        comment.matches = view.matches();
        comment.rulesetVersion = view.rulesetVersion();
        comment.maxSeverity = (short) verdict.matches().stream().mapToInt(m -> m.severity().ordinal() + 1).max()
                .orElse(0);
    }

    /**
     * The judgement of a new comment ({@code before} absent), of an edit, or ({@code rejudged}) of an unchanged one
     * after a ruleset change.
     */
    static CommentJudged judgement(Comment comment, CommentStatus before, Verdict verdict, boolean rejudged) {
        return new CommentJudged(comment.siteId, comment.id, comment.authorId, comment.articleId,
                before == null ? null : before.name(), comment.status.name(), verdict.decision().name(),
                comment.categories, comment.ruleIds(),
                verdict.rulesetVersion(), before != null && !rejudged, comment.revision, rejudged);
    }

    private Optional<Submission> replay(String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.findByIdempotencyKey(site.siteId(), key))
                .map(original -> {
                    if (!original.requestHash.equals(requestHash)) {
                        throw new ClientErrorException(Problem.UNPROCESSABLE,
                                "This Idempotency-Key was already used for a different comment");
                    }
                    return new Submission(original, false);
                });
    }

    private static String hash(SubmitCommentRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Stream.of(request.articleId(), request.authorId(), request.authorName(), request.body(),
                    Objects.toString(request.parentId(), ""), Objects.toString(request.lang(), ""))
                    .forEach(field -> {
                        digest.update(field.getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0); // so that ("ab","c") and ("a","bc") differ
                    });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
