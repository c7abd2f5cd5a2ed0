package news.moderation.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.engine.Verdict;
import news.moderation.events.AuthorErased;
import news.moderation.events.AuthorStandingChanged;
import news.moderation.events.CommentJudged;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvent;

/**
 * Writes the audit trail from the domain events, inside the transaction of the change they record, so that both
 * commit or neither.
 */
@ApplicationScoped
public class AuditLog {

    /** The author of a text that is not one of our comments: a Perspective client does not say who wrote it. */
    public static final String UNKNOWN_AUTHOR = "unknown";
    static final String EDITED_NOTE = "edited by its author";
    static final String REJUDGED_NOTE = "judged again after a ruleset change";

    void judged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentJudged judged) {
        AuditEvent event = event(judged.siteId(), judged.authorId(), DomainEvent.SYSTEM, AuditAction.MACHINE_VERDICT);
        event.commentId = judged.commentId();
        event.fromState = judged.fromStatus();
        event.toState = judged.status();
        event.note = judged.edited() ? EDITED_NOTE : judged.rejudged() ? REJUDGED_NOTE : null;
        event.rulesetVersion = judged.rulesetVersion();
        event.machineDecision = judged.decision();
        event.ruleIds = judged.ruleIds();
        event.revision = judged.revision();
        event.persist();
    }

    void statusChanged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentStatusChanged change) {
        AuditEvent event = event(change.siteId(), change.authorId(), change.actor(), switch (change.cause()) {
            case READERS_REPORTS -> AuditAction.REPORTED;
            case APPEAL_DECISION -> AuditAction.APPEAL_DECISION;
            case MODERATOR_DECISION, NOTICE_DECISION -> AuditAction.MODERATOR_DECISION;
        });
        event.commentId = change.commentId();
        event.fromState = change.fromStatus();
        event.toState = change.toStatus();
        event.reasonCode = change.reasonCode();
        event.note = change.note();
        event.rulesetVersion = change.rulesetVersion();
        event.machineDecision = change.machineDecision();
        event.ruleIds = change.ruleIds();
        // The change was made on the latest revision (a decision on an older one is refused), still the row's now.
        event.revision = Comment.<Comment>findByIdOptional(change.commentId()).map(comment -> comment.revision)
                .orElse(null);
        event.persist();
    }

    void standingChanged(@Observes(during = TransactionPhase.IN_PROGRESS) AuthorStandingChanged change) {
        authorEvent(change.siteId(), change.authorId(), change.actor(), AuditAction.AUTHOR_STANDING,
                change.fromStanding(), change.toStanding(), change.reason());
    }

    void erased(@Observes(during = TransactionPhase.IN_PROGRESS) AuthorErased erased) {
        authorEvent(erased.siteId(), erased.authorId(), erased.actor(), AuditAction.AUTHOR_ERASED, null, null,
                erased.commentsErased() + " comments erased");
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

    private static void authorEvent(String siteId, String authorId, String actor, AuditAction action,
            String fromStanding, String toStanding, String note) {
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
