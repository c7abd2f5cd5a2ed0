package news.moderation.audit;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.engine.Verdict;
import news.moderation.events.AuthorErased;
import news.moderation.events.AuthorStandingChanged;
import news.moderation.events.CommentJudged;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvent;
import news.moderation.events.RecordedEvent;
import news.moderation.events.RecordedEvents;
import news.moderation.platform.database.ArrayColumns;
import news.moderation.platform.database.JsonText;

/**
 * Writes the audit trail from the domain events, inside the transaction of the change they record, so that both
 * commit or neither. The entries of the events recorded together (a batch of new comments) are one insert, which runs
 * in the statement that records the events.
 */
@ApplicationScoped
public class AuditLog {

    /** The author of a text that is not one of our comments: a Perspective client does not say who wrote it. */
    public static final String UNKNOWN_AUTHOR = "unknown";
    static final String EDITED_NOTE = "edited by its author";
    static final String REJUDGED_NOTE = "judged again after a ruleset change";

    private static final String INSERT = """
            INSERT INTO audit_event (occurred_at, site_id, comment_id, author_id, actor, action, from_state, to_state,
                                     reason_code, note, ruleset_version, machine_decision, rule_ids, revision)
            SELECT a.occurred_at, a.site_id, a.comment_id, a.author_id, a.actor, a.action, a.from_state, a.to_state,
                   a.reason_code, a.note, a.ruleset_version, a.machine_decision, CAST(a.rule_ids AS jsonb), a.revision
            FROM unnest(?::timestamptz[], ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                        ?::int4[]) WITH ORDINALITY
                 AS a(occurred_at, site_id, comment_id, author_id, actor, action, from_state, to_state, reason_code,
                      note, ruleset_version, machine_decision, rule_ids, revision, position)
            ORDER BY a.position""";

    private final EntityManager em;
    private final ObjectMapper json;

    AuditLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvents recorded) {
        List<AuditEvent> entries = new ArrayList<>(recorded.events().size());
        for (RecordedEvent record : recorded.events()) {
            DomainEvent event = record.event();
            if (event instanceof CommentJudged judged) {
                entries.add(judged(judged));
            } else if (event instanceof CommentStatusChanged change) {
                entries.add(statusChanged(change));
            } else if (event instanceof AuthorStandingChanged change) {
                entries.add(standingChanged(change));
            } else if (event instanceof AuthorErased erased) {
                entries.add(erased(erased));
            }
        }
        if (!entries.isEmpty()) {
            recorded.write(INSERT, parameters(entries));
        }
    }

    private static AuditEvent judged(CommentJudged judged) {
        AuditEvent event = event(judged.siteId(), judged.authorId(), DomainEvent.SYSTEM, AuditAction.MACHINE_VERDICT);
        event.commentId = judged.commentId();
        event.fromState = judged.fromStatus();
        event.toState = judged.status();
        event.note = judged.edited() ? EDITED_NOTE : judged.rejudged() ? REJUDGED_NOTE : null;
        event.rulesetVersion = judged.rulesetVersion();
        event.machineDecision = judged.decision();
        event.ruleIds = judged.ruleIds();
        event.revision = judged.revision();
        return event;
    }

    private static AuditEvent statusChanged(CommentStatusChanged change) {
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
        return event;
    }

    private static AuditEvent standingChanged(AuthorStandingChanged change) {
        return authorEvent(change.siteId(), change.authorId(), change.actor(), AuditAction.AUTHOR_STANDING,
                change.fromStanding(), change.toStanding(), change.reason());
    }

    private static AuditEvent erased(AuthorErased erased) {
        return authorEvent(erased.siteId(), erased.authorId(), erased.actor(), AuditAction.AUTHOR_ERASED, null, null,
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
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                ArrayColumns.bind(insert, parameters(List.of(event))).executeUpdate();
            }
        });
    }

    private static AuditEvent authorEvent(String siteId, String authorId, String actor, AuditAction action,
            String fromStanding, String toStanding, String note) {
        AuditEvent event = event(siteId, authorId, actor, action);
        event.fromState = fromStanding;
        event.toState = toStanding;
        event.note = note;
        event.ruleIds = List.of();
        return event;
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

    /** The values of the insert's parameters for these entries: their columns, each as an array, in their order. */
    private List<Object> parameters(List<AuditEvent> entries) {
        ArrayColumns<AuditEvent> columns = new ArrayColumns<>(entries);
        return List.of(columns.of(entry -> entry.occurredAt),
                columns.of(entry -> entry.siteId),
                columns.of(entry -> entry.commentId),
                columns.of(entry -> entry.authorId),
                columns.of(entry -> entry.actor),
                columns.of(entry -> entry.action),
                columns.of(entry -> entry.fromState),
                columns.of(entry -> entry.toState),
                columns.of(entry -> entry.reasonCode),
                columns.of(entry -> entry.note),
                columns.of(entry -> entry.rulesetVersion),
                columns.of(entry -> entry.machineDecision),
                columns.of(entry -> JsonText.of(json, entry.ruleIds)),
                columns.of(entry -> entry.revision));
    }
}
