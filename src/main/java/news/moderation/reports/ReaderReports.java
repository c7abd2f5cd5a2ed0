package news.moderation.reports;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.events.CommentReported;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvent;
import news.moderation.events.DomainEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.sites.CallingSite;

/**
 * Readers' reports: once enough distinct readers report a published comment, it goes back to the queue. A reader counts
 * once per comment; a moderator's decision starts the count again (see Decisions), so a new round needs the threshold
 * again, of readers who had not reported it yet.
 */
@ApplicationScoped
public class ReaderReports {

    public record Outcome(UUID commentId, boolean counted, int reportCount, CommentStatus status) {
    }

    private final EntityManager em;
    private final DomainEvents events;
    private final CallingSite site;
    private final int threshold;

    ReaderReports(EntityManager em, DomainEvents events, CallingSite site, ModerationConfig config) {
        this.em = em;
        this.events = events;
        this.site = site;
        this.threshold = config.reports().threshold();
    }

    @Transactional
    public Outcome report(UUID commentId, String reporterId, String reason) {
        // The row lock serialises reports on one comment, so that no count is lost and the threshold fires once.
        // Only the calling site's readers may report its comments.
        Comment comment = Comment.findVisible(commentId, site.siteId()::equals, LockModeType.PESSIMISTIC_WRITE);
        boolean counted = em.createNativeQuery("""
                INSERT INTO comment_report (comment_id, reporter_id, reason, created_at)
                VALUES (:comment, :reporter, :reason, :now) ON CONFLICT DO NOTHING""")
                .setParameter("comment", commentId)
                .setParameter("reporter", reporterId)
                .setParameter("reason", reason)
                .setParameter("now", Instant.now())
                .executeUpdate() == 1;
        if (counted) {
            comment.reportCount++;
            boolean backToQueue = comment.status == CommentStatus.PUBLISHED && comment.reportCount >= threshold;
            if (backToQueue) {
                comment.status = CommentStatus.REPORTED;
            }
            events.publish(new CommentReported(comment.siteId, comment.id, comment.authorId, comment.articleId,
                    reporterId, comment.reportCount, comment.status.name()));
            if (backToQueue) {
                events.publish(new CommentStatusChanged(comment.siteId, comment.id, comment.authorId,
                        comment.articleId, CommentStatusChanged.Cause.READERS_REPORTS, DomainEvent.READERS,
                        CommentStatus.PUBLISHED.name(), comment.status.name(), null,
                        comment.reportCount + " readers reported it", comment.decision.name(), comment.ruleIds(),
                        comment.rulesetVersion));
            }
        }
        return new Outcome(commentId, counted, comment.reportCount, comment.status);
    }
}
