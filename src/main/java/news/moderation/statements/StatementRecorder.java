package news.moderation.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import news.moderation.comments.Comment;
import news.moderation.events.CommentJudged;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvent;
import news.moderation.events.NoticeDecided;
import news.moderation.events.RecordedEvent;
import news.moderation.events.RecordedEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.database.ArrayColumns;

/**
 * Makes a statement of reasons for every restriction of a comment, from the domain events and in the transaction of
 * the change, so that no restriction commits without its statement. A restriction that ends (a moderator publishes
 * the comment, or a later decision replaces the restriction) keeps its statement with an end date: a statement is
 * never rewritten, and each decision is one statement to submit to the Transparency Database.
 * <p>
 * Facts name the rules, categories and reason codes, never the comment's words. The statements of the events recorded
 * together (a batch of new comments) are one insert, which runs in the statement that records the events, each with
 * the date of its comment's row.
 */
@ApplicationScoped
class StatementRecorder {

    private static final String MACHINE_ALLOWED = "ALLOW";

    /**
     * The content date is the day its comment was written, in UTC, read from the comment's row as it is inserted,
     * unless the statement names its own (a held edit is content of the day of the edit). The comment is read by its
     * primary key, for each statement (a lateral subquery): as a join, the planner chose a hash join over a scan of
     * the whole comment table while it had no statistics of it (a new database, until autovacuum's first analyze),
     * and the statement, prepared once per connection, kept that plan as the table grew, reading every comment for
     * every batch with a statement.
     */
    static final String INSERT = """
            INSERT INTO statement_of_reasons (id, site_id, comment_id, puid, decision_visibility,
                    decision_visibility_other, decision_ground, decision_ground_reference_url,
                    illegal_content_legal_ground, illegal_content_explanation, incompatible_content_ground,
                    incompatible_content_explanation, category, content_type, content_date, application_date,
                    decision_facts, source_type, automated_detection, automated_decision, created_at)
            SELECT s.id, s.site_id, s.comment_id, s.puid, s.decision_visibility, s.decision_visibility_other,
                   s.decision_ground, s.decision_ground_reference_url, s.illegal_content_legal_ground,
                   s.illegal_content_explanation, s.incompatible_content_ground, s.incompatible_content_explanation,
                   s.category, s.content_type,
                   COALESCE(s.content_date, CAST(c.created_at AT TIME ZONE 'UTC' AS date)), s.application_date,
                   s.decision_facts, s.source_type, s.automated_detection, s.automated_decision, s.created_at
            FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[],
                        ?::text[], ?::text[], ?::bool[], ?::text[], ?::timestamptz[]) WITH ORDINALITY
                 AS s(id, site_id, comment_id, puid, decision_visibility, decision_visibility_other, decision_ground,
                      decision_ground_reference_url, illegal_content_legal_ground, illegal_content_explanation,
                      incompatible_content_ground, incompatible_content_explanation, category, content_type,
                      content_date, application_date, decision_facts, source_type, automated_detection,
                      automated_decision, created_at, position)
            CROSS JOIN LATERAL (SELECT created_at FROM comment WHERE id = s.comment_id OFFSET 0) c
            ORDER BY s.position""";

    private final ModerationConfig.Statements settings;
    private final boolean maskPublished;

    StatementRecorder(ModerationConfig config) {
        this.settings = config.statements();
        this.maskPublished = config.comments().maskPublished();
    }

    /**
     * The statements the events call for, written together. The events recorded together are about distinct
     * comments (a batch of new ones), so none of them ends a restriction that another of them makes.
     */
    void recorded(@Observes(during = TransactionPhase.IN_PROGRESS) RecordedEvents recorded) {
        List<StatementOfReasons> statements = new ArrayList<>();
        for (RecordedEvent record : recorded.events()) {
            DomainEvent event = record.event();
            StatementOfReasons statement = null;
            if (event instanceof CommentJudged judged) {
                statement = judged(judged);
            } else if (event instanceof CommentStatusChanged change) {
                statement = statusChanged(change);
            } else if (event instanceof NoticeDecided decided) {
                statement = noticeDecided(decided);
            }
            if (statement != null) {
                statements.add(statement);
            }
        }
        if (!statements.isEmpty()) {
            recorded.write(INSERT, parameters(statements));
        }
    }

    /** The kinds of restriction: what a status does to a comment's visibility, and how the facts say it. */
    private enum Restriction {
        REMOVED(TransparencyDatabase.VISIBILITY_REMOVED, null, "removed"),
        WITHHELD(TransparencyDatabase.VISIBILITY_DISABLED, null, "withheld until a moderator reviews it"),
        MASKED(TransparencyDatabase.VISIBILITY_OTHER, "Published with the words the rules matched masked",
                "published with the words the rules matched masked");

        final String visibility;
        final String visibilityOther;
        final String outcome;

        Restriction(String visibility, String visibilityOther, String outcome) {
            this.visibility = visibility;
            this.visibilityOther = visibilityOther;
            this.outcome = outcome;
        }
    }

    /** What a status does to a comment; a published comment is masked where the site asks for it and rules matched. */
    private Restriction restriction(String status, List<String> ruleIds) {
        return switch (status) {
            case "REJECTED" -> Restriction.REMOVED;
            case "PENDING_REVIEW", "REPORTED" -> Restriction.WITHHELD;
            default -> maskPublished && !ruleIds.isEmpty() ? Restriction.MASKED : null;
        };
    }

    /** The statement of the restriction a judgement makes, if it makes one. */
    private StatementOfReasons judged(CommentJudged judged) {
        Instant now = Instant.now();
        // A new comment has no statement yet: no lookup on the submission path.
        boolean isNew = judged.fromStatus() == null;
        if (!isNew) {
            endRestrictionInForce(judged.commentId(), now);
        }
        Restriction restriction = restriction(judged.status(), judged.ruleIds());
        if (restriction == null) {
            return null;
        }
        StatementOfReasons statement = newStatement(judged.siteId(), judged.commentId(), restriction, now,
                isNew ? 0 : StatementOfReasons.countFor(judged.commentId()));
        // An author's edit held while the revision published before stays visible: the restriction is of the edit
        // alone, content written on the day of the edit.
        Comment heldEdit = restriction == Restriction.WITHHELD && judged.edited()
                ? Comment.<Comment>findById(judged.commentId()) : null;
        if (heldEdit != null && heldEdit.publishedRevision == null) {
            heldEdit = null; // nothing of it is published (a reported comment's edit): the comment is withheld
        }
        String subject = heldEdit == null ? "the comment"
                : "the edit (revision " + judged.revision() + ") of the comment";
        String outcome = restriction.outcome + (heldEdit != null
                ? ", while revision " + heldEdit.publishedRevision + " stays published"
                : judged.edited() ? " after its author edited it" : "");
        statement.automatedDecision = TransparencyDatabase.AUTOMATED_FULLY;
        if (judged.ruleIds().isEmpty()) {
            // Withheld although no rule matched: its author's comments are pre-moderated.
            statement.automatedDetection = false;
            statement.category = TransparencyDatabase.CATEGORY_OTHER_TERMS;
            ground(statement, "pre_moderation", "Comments by this author are reviewed by a moderator before they are"
                    + " published, after earlier comments of theirs were restricted.");
            statement.decisionFacts = "The author's comments are pre-moderated; " + subject + " was " + outcome + ".";
        } else {
            statement.automatedDetection = true;
            statement.category = TransparencyDatabase.categoryOfRules(judged.categories());
            ground(statement, primary(judged.categories()), "The comment breaks the rules on "
                    + String.join(", ", judged.categories()) + ".");
            statement.decisionFacts = "Automated rules " + rulesMatched(judged.ruleIds(), judged.rulesetVersion())
                    + " matched " + subject + " (categories: " + String.join(", ", judged.categories())
                    + "); it was " + outcome + ", without a person's involvement.";
        }
        if (heldEdit != null) {
            statement.contentDate = utcDate(heldEdit.revisedAt);
        }
        return statement;
    }

    /** Ends the restriction in force, and makes the statement of the one the change makes, if it makes one. */
    private StatementOfReasons statusChanged(CommentStatusChanged change) {
        Instant now = Instant.now();
        endRestrictionInForce(change.commentId(), now);
        if (change.cause() == CommentStatusChanged.Cause.NOTICE_DECISION) {
            return null; // its statement names the legal ground, which the NoticeDecided that follows carries
        }
        Restriction restriction = restriction(change.toStatus(), change.ruleIds());
        if (restriction == null) {
            return null;
        }
        StatementOfReasons statement = newStatement(change.siteId(), change.commentId(), restriction, now,
                StatementOfReasons.countFor(change.commentId()));
        if (restriction == Restriction.MASKED) {
            // A moderator published it; the masking that follows is the rules' alone.
            List<String> categories = ((Comment) Comment.findById(change.commentId())).categories;
            statement.automatedDetection = true;
            statement.automatedDecision = TransparencyDatabase.AUTOMATED_FULLY;
            statement.category = TransparencyDatabase.categoryOfRules(categories);
            ground(statement, primary(categories), "The comment's words break the rules on "
                    + String.join(", ", categories) + ".");
            statement.decisionFacts = "A moderator published the comment; automated rules "
                    + rulesMatched(change.ruleIds(), change.rulesetVersion()) + " matched words in it (categories: "
                    + String.join(", ", categories) + "), so it was " + restriction.outcome + ".";
        } else if (change.cause() == CommentStatusChanged.Cause.READERS_REPORTS) {
            statement.automatedDetection = false;
            statement.automatedDecision = TransparencyDatabase.AUTOMATED_FULLY;
            statement.category = TransparencyDatabase.CATEGORY_OTHER_TERMS;
            ground(statement, "reader_reports", "Enough readers reported the comment as breaking the rules.");
            statement.decisionFacts = "Enough readers reported the comment for it to be " + restriction.outcome
                    + ".";
        } else {
            // The machine detected it when the moderator decided on the comment it held; a moderator's decision on
            // a reported or pre-moderated comment is theirs alone.
            boolean machineHeld = "PENDING_REVIEW".equals(change.fromStatus())
                    && !MACHINE_ALLOWED.equals(change.machineDecision());
            statement.automatedDetection = machineHeld;
            statement.automatedDecision = machineHeld ? TransparencyDatabase.AUTOMATED_PARTIALLY
                    : TransparencyDatabase.NOT_AUTOMATED;
            String reason = change.reasonCode() == null ? "OTHER" : change.reasonCode();
            statement.category = TransparencyDatabase.categoryOfReason(reason);
            ground(statement, reason.toLowerCase(Locale.ROOT),
                    "A moderator found that the comment breaks the rules (" + reason + ").");
            statement.decisionFacts = "A moderator decided that the comment is to be " + restriction.outcome
                    + ", for the reason " + reason
                    + (machineHeld ? ", after automated rules " + rulesMatched(change.ruleIds(), change.rulesetVersion())
                            + " held it for review." : ", after " + heldBy(change.fromStatus()) + ".");
        }
        return statement;
    }

    /** A moderator removed a comment on a notice of illegal content: the statement's ground is the law. */
    private StatementOfReasons noticeDecided(NoticeDecided decided) {
        if (!NoticeDecided.ACTED.equals(decided.outcome())) {
            return null;
        }
        StatementOfReasons statement = newStatement(decided.siteId(), decided.commentId(), Restriction.REMOVED,
                Instant.now(), StatementOfReasons.countFor(decided.commentId()));
        statement.decisionGround = TransparencyDatabase.GROUND_ILLEGAL;
        statement.decisionGroundReferenceUrl = null; // the terms' URL; the ground here is the law
        statement.illegalContentLegalGround = decided.legalGround();
        statement.illegalContentExplanation = "A moderator reviewed a notice of illegal content about the comment"
                + " and found that it is illegal under " + decided.legalGround() + " (" + decided.reasonCode() + ").";
        statement.sourceType = TransparencyDatabase.SOURCE_NOTICE;
        statement.automatedDetection = false;
        statement.automatedDecision = TransparencyDatabase.NOT_AUTOMATED;
        statement.category = TransparencyDatabase.categoryOfReason(decided.reasonCode());
        statement.decisionFacts = "A notice of illegal content (receipt " + decided.noticeId() + ") named the comment;"
                + " a moderator decided that it is to be " + Restriction.REMOVED.outcome + ", for the reason "
                + decided.reasonCode() + ".";
        return statement;
    }

    /**
     * A statement about a comment that already has {@code earlier} statements; its content date is its comment's, set
     * as it is written.
     */
    private StatementOfReasons newStatement(String siteId, UUID commentId, Restriction restriction, Instant now,
            long earlier) {
        StatementOfReasons statement = new StatementOfReasons();
        statement.id = UUID.randomUUID();
        statement.siteId = siteId;
        statement.commentId = commentId;
        statement.puid = earlier == 0 ? commentId.toString() : commentId + "-" + (earlier + 1);
        statement.decisionVisibility = restriction.visibility;
        statement.decisionVisibilityOther = restriction.visibilityOther;
        statement.decisionGround = TransparencyDatabase.GROUND_INCOMPATIBLE;
        statement.decisionGroundReferenceUrl = settings.termsUrl().orElse(null);
        statement.contentType = TransparencyDatabase.CONTENT_TEXT;
        statement.applicationDate = utcDate(now);
        statement.sourceType = TransparencyDatabase.SOURCE_VOLUNTARY;
        statement.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        return statement;
    }

    /** The clause of the terms that the restriction enforces (a setting per category), and why it applies. */
    private void ground(StatementOfReasons statement, String clauseKey, String explanation) {
        statement.incompatibleContentGround = settings.termsClauses().getOrDefault(clauseKey,
                "Community rules: " + clauseKey);
        statement.incompatibleContentExplanation = explanation;
    }

    private static void endRestrictionInForce(UUID commentId, Instant now) {
        StatementOfReasons.inForce(commentId).ifPresent(statement -> {
            statement.endedAt = now.truncatedTo(ChronoUnit.MICROS);
            statement.endDate = utcDate(now);
        });
    }

    /** The values of the insert's parameters for these statements: their columns, each as an array. */
    private static List<Object> parameters(List<StatementOfReasons> statements) {
        ArrayColumns<StatementOfReasons> columns = new ArrayColumns<>(statements);
        return List.of(columns.of(statement -> statement.id),
                columns.of(statement -> statement.siteId),
                columns.of(statement -> statement.commentId),
                columns.of(statement -> statement.puid),
                columns.of(statement -> statement.decisionVisibility),
                columns.of(statement -> statement.decisionVisibilityOther),
                columns.of(statement -> statement.decisionGround),
                columns.of(statement -> statement.decisionGroundReferenceUrl),
                columns.of(statement -> statement.illegalContentLegalGround),
                columns.of(statement -> statement.illegalContentExplanation),
                columns.of(statement -> statement.incompatibleContentGround),
                columns.of(statement -> statement.incompatibleContentExplanation),
                columns.of(statement -> statement.category),
                columns.of(statement -> statement.contentType),
                columns.of(statement -> statement.contentDate),
                columns.of(statement -> statement.applicationDate),
                columns.of(statement -> statement.decisionFacts),
                columns.of(statement -> statement.sourceType),
                columns.of(statement -> statement.automatedDetection),
                columns.of(statement -> statement.automatedDecision),
                columns.of(statement -> statement.createdAt));
    }

    private static String primary(List<String> categories) {
        return categories.isEmpty() ? "other" : categories.get(0);
    }

    private static String rulesMatched(List<String> ruleIds, String rulesetVersion) {
        return String.join(", ", ruleIds) + " (ruleset " + rulesetVersion + ")";
    }

    private static String heldBy(String fromStatus) {
        return switch (fromStatus) {
            case "REPORTED" -> "readers reported it";
            case "PENDING_REVIEW" -> "its author's pre-moderation held it for review";
            default -> "reviewing it";
        };
    }

    private static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
