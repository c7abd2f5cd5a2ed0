package news.moderation.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.moderation.audit.AuditAction;
import news.moderation.audit.AuditEvent;

/**
 * One event of a comment's history: who, when, from which state to which, why, under which ruleset, on which revision
 * of the comment (absent for events recorded before comments had revisions), and for an {@code APPEAL_DECISION} the
 * appeal it decided.
 */
public record HistoryEntry(Instant at, String actor, AuditAction action, String from, String to, String reasonCode,
        String note, String rulesetVersion, String machineDecision, List<String> ruleIds, Integer revision,
        UUID appealId) {

    static HistoryEntry of(AuditEvent event, UUID appealId) {
        return new HistoryEntry(event.occurredAt, event.actor, event.action, event.fromState, event.toState,
                event.reasonCode, event.note, event.rulesetVersion, event.machineDecision, event.ruleIds,
                event.revision, appealId);
    }
}
