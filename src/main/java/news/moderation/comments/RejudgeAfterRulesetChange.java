package news.moderation.comments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
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
 * comments are left alone: readers, not the rules, sent them back. So are erased ones (their body is gone). The pass
 * runs in the background after the reload has answered; each one ends in the log and in
 * {@code moderation.rejudge.passes} (by outcome: completed, superseded by a newer ruleset, failed).
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
    private final MeterRegistry metrics;
    /** One pass at a time, on a thread of its own, so that a reload never waits for one. */
    private final ExecutorService passes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rejudge-after-ruleset-change");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * The newest change no pass has taken yet. Only the newest waits: its pass judges every comment an older one
     * would have, so at most one pass runs and one is queued however fast the rules change.
     */
    private final AtomicReference<RulesetReloaded> next = new AtomicReference<>();

    RejudgeAfterRulesetChange(EntityManager em, NewComments newComments, DomainEvents events, ModerationConfig config,
            MeterRegistry metrics) {
        this.em = em;
        this.newComments = newComments;
        this.events = events;
        this.settings = config.rejudge();
        this.metrics = metrics;
    }

    /** A record of what one pass did, for the log line. */
    private static final class Tally {
        int judged;
        int changed;
        int released;
        int rejected;
    }

    /**
     * Hands the change to the background pass and returns: the reload (an admin's request, or the scheduler) does not
     * wait for thousands of comments to be judged.
     */
    void rulesetReloaded(@Observes RulesetReloaded reloaded) {
        if (!settings.enabled()) {
            return;
        }
        if (next.getAndSet(reloaded) == null) {
            passes.execute(this::runNext);
        } // else a pass is already queued: it takes this newer change instead of the one it was queued for
    }

    @PreDestroy
    void stop() {
        passes.shutdownNow(); // a pass cut short leaves the rest with their earlier verdict, as a failed one does
    }

    private void runNext() {
        RulesetReloaded reloaded = next.getAndSet(null);
        if (reloaded == null) {
            return;
        }
        Ruleset ruleset = reloaded.ruleset();
        Tally tally = new Tally();
        String outcome = "completed";
        try {
            long afterSeq = 0;
            while (afterSeq >= 0) {
                if (next.get() != null) {
                    // A newer ruleset is loaded: its pass judges every comment not yet judged by it, these included.
                    outcome = "superseded";
                    break;
                }
                long from = afterSeq;
                afterSeq = QuarkusTransaction.requiringNew().call(() -> rejudgeBatch(ruleset, from, tally));
            }
        } catch (RuntimeException e) {
            // The new ruleset serves whatever happens here; comments not reached keep their earlier verdict.
            outcome = "failed";
            LOG.errorf(e, "Re-judging the waiting comments with ruleset %s stopped after %d", ruleset.version(),
                    tally.judged);
        }
        metrics.counter("moderation.rejudge.passes", "outcome", outcome).increment();
        LOG.infof("Ruleset %s (was %s) judged %d comments waiting for a moderator again (%s): %d verdicts changed, "
                + "%d released, %d rejected", ruleset.version(), reloaded.previousVersion(), tally.judged, outcome,
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
