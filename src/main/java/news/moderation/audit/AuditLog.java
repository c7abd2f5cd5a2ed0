package news.moderation.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.engine.Verdict;

/** Writes the audit trail; callers run inside the transaction of the change they record, so both commit or neither. */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";
    /** The author of a text that is not one of our comments: a Perspective client does not say who wrote it. */
    public static final String UNKNOWN_AUTHOR = "unknown";

    /** A change of a comment's status, with the machine's view of it at that time. */
    public void commentChanged(Comment comment, String actor, AuditAction action, String fromStatus, String reasonCode,
            String note) {
        AuditEvent event = event(comment.siteId, comment.authorId, actor, action);
        event.commentId = comment.id;
        event.fromState = fromStatus;
        event.toState = comment.status.name();
        event.reasonCode = reasonCode;
        event.note = note;
        event.rulesetVersion = comment.rulesetVersion;
        event.machineDecision = comment.decision.name();
        event.ruleIds = comment.matches.stream().map(m -> m.ruleId()).distinct().toList();
        event.persist();
    }

    /**
     * A moderator of another system decided on a text the site {@code siteId} sent; the machine's view is this
     * service's verdict on it, so that the decision counts in the rules' precision like one made here. Nothing the
     * client sent is kept (its clientToken may quote the author, who cannot be told, so could never be erased).
     */
    public void scoreSuggested(String siteId, Verdict verdict, CommentStatus decided) {
        AuditEvent event = event(siteId, UNKNOWN_AUTHOR, "site:" + siteId, AuditAction.SUGGESTED_SCORE);
        event.toState = decided.name();
        event.rulesetVersion = verdict.rulesetVersion();
        event.machineDecision = verdict.decision().name();
        event.ruleIds = verdict.matches().stream().map(m -> m.ruleId()).distinct().toList();
        event.persist();
    }

    public void authorChanged(String siteId, String authorId, String actor, AuditAction action, String fromStanding,
            String toStanding, String note) {
        AuditEvent event = event(siteId, authorId, actor, action);
        event.fromState = fromStanding;
        event.toState = toStanding;
        event.note = note;
        event.ruleIds = List.of();
        event.persist();
    }

    private static AuditEvent event(String siteId, String authorId, String actor, AuditAction action) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.siteId = siteId;
        event.authorId = authorId;
        event.actor = actor;
        event.action = action;
        return event;
    }
}
