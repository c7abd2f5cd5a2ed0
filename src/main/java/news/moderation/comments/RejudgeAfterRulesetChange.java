package news.moderation.comments;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.Ruleset;
import news.moderation.engine.TextTooLongException;
import news.moderation.engine.Verdict;
import news.moderation.events.DomainEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.ruleset.Language;
import news.moderation.ruleset.RulesetReloaded;
import news.moderation.ruleset.VerdictView;

/**
 * When a new ruleset serves ({@code moderation.rejudge.enabled}), the comments the rules held for a moderator
 * ({@code PENDING_REVIEW}) are judged again by it. A changed verdict is stored with the status it leads to, as for a
 * new comment, except that one the new rules allow stays for a moderator unless {@code moderation.rejudge.release-
 * cleared}; each change is a {@code comment.judged} event ({@code rejudged}) naming the new ruleset version. Reported
 * comments are left alone: readers, not the rules, sent them back. So are erased ones (their body is gone).
 */
@ApplicationScoped
class RejudgeAfterRulesetChange {

    private static final Logger LOG = Logger.getLogger(RejudgeAfterRulesetChange.class);
    /** Comments locked, judged and written in one transaction. */
    private static final int BATCH = 200;

    private final EntityManager em;
    private final NewComments newComments;
    private final DomainEvents events;
    private final ModerationConfig.Rejudge settings;

    RejudgeAfterRulesetChange(EntityManager em, NewComments newComments, DomainEvents events, ModerationConfig config) {
        this.em = em;
        this.newComments = newComments;
        this.events = events;
        this.settings = config.rejudge();
    }

    /** A record of what one pass did, for the log line. */
    private static final class Tally {
        int judged;
        int changed;
        int released;
        int rejected;
    }

    void rulesetReloaded(@Observes RulesetReloaded reloaded) {
        if (!settings.enabled()) {
            return;
        }
        Ruleset ruleset = reloaded.ruleset();
        Tally tally = new Tally();
        try {
            long afterSeq = 0;
            while (afterSeq >= 0) {
                long from = afterSeq;
                afterSeq = QuarkusTransaction.requiringNew().call(() -> rejudgeBatch(ruleset, from, tally));
            }
        } catch (RuntimeException e) {
            // The new ruleset serves whatever happens here; comments not reached keep their earlier verdict.
            LOG.errorf(e, "Re-judging the waiting comments with ruleset %s stopped after %d", ruleset.version(),
                    tally.judged);
        }
        LOG.infof("Ruleset %s (was %s) judged %d comments waiting for a moderator again: %d verdicts changed, "
                + "%d released, %d rejected", ruleset.version(), reloaded.previousVersion(), tally.judged,
                tally.changed, tally.released, tally.rejected);
    }

    /**
     * Judges the next waiting comments after {@code afterSeq}; returns the last one's seq, or -1 when there were no
     * more. Rows a moderator's decision holds right now are skipped (SKIP LOCKED): that decision settles them.
     */
    private long rejudgeBatch(Ruleset ruleset, long afterSeq, Tally tally) {
        @SuppressWarnings("unchecked")
        List<Comment> waiting = em.createNativeQuery("""
                SELECT * FROM comment
                WHERE status = 'PENDING_REVIEW' AND seq > :afterSeq AND body <> '' AND ruleset_version <> :version
                ORDER BY seq LIMIT :batch
                FOR UPDATE SKIP LOCKED""", Comment.class)
                .setParameter("afterSeq", afterSeq)
                .setParameter("version", ruleset.version())
                .setParameter("batch", BATCH)
                .getResultList();
        // Whether their authors are under pre-moderation, only needed to release: one lookup per site of the batch.
        Map<String, Map<String, AuthorPolicy.Admission>> admissions = settings.releaseCleared()
                ? newComments.admissions(waiting, comment -> comment.siteId, comment -> comment.authorId)
                : Map.of();
        for (Comment comment : waiting) {
            rejudge(comment, ruleset, tally, admissions);
        }
        return waiting.isEmpty() ? -1 : waiting.get(waiting.size() - 1).seq;
    }

    private void rejudge(Comment comment, Ruleset ruleset, Tally tally,
            Map<String, Map<String, AuthorPolicy.Admission>> admissions) {
        Verdict verdict;
        try {
            verdict = ruleset.judge(comment.body, Language.primary(comment.lang),
                    JudgingContext.of(comment.parentId != null));
        } catch (TextTooLongException e) {
            return; // stored under an earlier, longer limit: the new rules do not judge it; its verdict stands
        }
        tally.judged++;
        VerdictView view = VerdictView.of(verdict);
        if (view.decision() == comment.decision && view.matches().equals(comment.matches)) {
            return; // the same verdict: nothing changes, nothing to tell
        }
        CommentStatus before = comment.status;
        CommentService.judged(comment, verdict,
                !settings.releaseCleared() || admissions.get(comment.siteId).get(comment.authorId).premoderated());
        if (comment.status != CommentStatus.PENDING_REVIEW) {
            // Decided by the rules: no moderator holds it any more, and readers see its latest revision or nothing.
            comment.claimedBy = null;
            comment.claimExpiresAt = null;
            comment.publishedRevision = null;
        }
        comment.flush();
        events.publish(CommentService.judgement(comment, before, verdict, true));
        tally.changed++;
        if (comment.status == CommentStatus.PUBLISHED) {
            tally.released++;
        } else if (comment.status == CommentStatus.REJECTED) {
            tally.rejected++;
        }
    }
}
