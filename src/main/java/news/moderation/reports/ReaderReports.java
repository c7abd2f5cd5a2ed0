package news.moderation.reports;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import news.moderation.audit.AuditAction;
import news.moderation.audit.AuditLog;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.sites.CallingSite;

/**
 * Readers' reports: once enough distinct readers report a published comment, it goes back to the queue. A reader counts
 * once per comment; a moderator's decision starts the count again (see Decisions), so a new round needs the threshold
 * again, of readers who had not reported it yet.
 */
@ApplicationScoped
public class ReaderReports {

    static final String READERS = "readers";

    public record Outcome(UUID commentId, boolean counted, int reportCount, CommentStatus status) {
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final CallingSite site;
    private final int threshold;

    ReaderReports(EntityManager em, AuditLog audit, CallingSite site, ModerationConfig config) {
        this.em = em;
        this.audit = audit;
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
            if (comment.status == CommentStatus.PUBLISHED && comment.reportCount >= threshold) {
                comment.status = CommentStatus.REPORTED;
                audit.commentChanged(comment, READERS, AuditAction.REPORTED, CommentStatus.PUBLISHED.name(), null,
                        comment.reportCount + " readers reported it");
            }
        }
        return new Outcome(commentId, counted, comment.reportCount, comment.status);
    }
}
