package news.moderation.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvents;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.ProblemMappers;
import news.moderation.sites.ModeratorSites;

/** Moderators' decisions: each one checked against the version the moderator saw, applied, and published. */
@ApplicationScoped
public class Decisions {

    private final ReviewQueue queue;
    private final DomainEvents events;
    private final ModeratorSites moderatorSites;

    Decisions(ReviewQueue queue, DomainEvents events, ModeratorSites moderatorSites) {
        this.queue = queue;
        this.events = events;
        this.moderatorSites = moderatorSites;
    }

    /** One decision, in its own transaction. */
    public QueueItem decide(UUID commentId, DecisionRequest decision, String moderator) {
        if (decision.action() == DecisionAction.REJECT && decision.reasonCode() == null) {
            throw ClientErrorException.badRequest("reasonCode", "is required to reject a comment");
        }
        return QuarkusTransaction.requiringNew().call(() -> apply(commentId, decision, moderator));
    }

    public record BulkItem(@NotNull UUID commentId, @NotNull @Valid DecisionRequest decision) {
    }

    /** The outcome of one item of a bulk request: the HTTP status it would have had alone, and the item or why not. */
    public record BulkResult(UUID commentId, int status, QueueItem item, String detail) {
    }

    /** Each decision applied or refused on its own: one stale item does not undo the others. */
    public List<BulkResult> decideAll(List<BulkItem> items, String moderator) {
        return items.stream().map(item -> {
            try {
                return new BulkResult(item.commentId(), 200, decide(item.commentId(), item.decision(), moderator), null);
            } catch (ClientErrorException e) {
                return new BulkResult(item.commentId(), e.status().getStatusCode(), null, e.getMessage());
            } catch (NotFoundException e) {
                return new BulkResult(item.commentId(), 404, null, e.getMessage());
            } catch (OptimisticLockException e) {
                return new BulkResult(item.commentId(), 409, null, ProblemMappers.CONCURRENT_CHANGE);
            }
        }).toList();
    }

    private QueueItem apply(UUID commentId, DecisionRequest decision, String moderator) {
        Comment comment = Comment.findVisible(commentId, moderatorSites.scope()::includes);
        if (decision.revision() != null && decision.revision() != comment.revision) {
            throw new ClientErrorException(Response.Status.CONFLICT, "The decision is on revision "
                    + decision.revision() + " of the comment, but its latest revision is " + comment.revision
                    + "; read the latest revision and decide on it");
        }
        if (comment.version != decision.expectedVersion()) {
            throw new ClientErrorException(Response.Status.CONFLICT, "The comment changed since you saw it (version "
                    + decision.expectedVersion() + ", now " + comment.version + "); reload it and decide again");
        }
        if (comment.claimedBy != null && !comment.claimedBy.equals(moderator)
                && comment.claimExpiresAt.isAfter(Instant.now())) {
            throw new ClientErrorException(Response.Status.CONFLICT,
                    "The comment is claimed by " + comment.claimedBy + " until " + comment.claimExpiresAt);
        }
        CommentStatus before = comment.status;
        comment.status = decision.action().resultingStatus;
        // Decided: the latest revision is published or rejected, readers no longer see an earlier one instead.
        comment.publishedRevision = null;
        comment.claimedBy = null;
        comment.claimExpiresAt = null;
        // The readers' reports so far are answered: sending it back to the queue takes the threshold again.
        comment.reportCount = 0;
        // Flush now: a concurrent decision on the same version fails here, as a conflict, not at commit; and the
        // event below is recorded while this transaction holds the comment's row.
        comment.flush();
        String reason = decision.reasonCode() == null ? null : decision.reasonCode().name();
        events.publish(new CommentStatusChanged(comment.siteId, comment.id, comment.authorId, comment.articleId,
                CommentStatusChanged.Cause.MODERATOR_DECISION, moderator, before.name(), comment.status.name(),
                reason, decision.note(), comment.decision.name(), comment.ruleIds(), comment.rulesetVersion));
        return queue.item(comment);
    }
}
