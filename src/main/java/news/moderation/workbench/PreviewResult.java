package news.moderation.workbench;

import java.util.List;
import java.util.Map;

import news.moderation.engine.Decision;
import news.moderation.engine.Match;

/**
 * What a candidate ruleset would have done to the stored comments of a period, next to the serving ruleset.
 *
 * @param judged      comments judged by both rulesets
 * @param total       comments of the period to judge (at most {@code moderation.workbench.max-comments})
 * @param truncated   the period held more comments than the limit; the oldest {@code total} were judged
 * @param changed     comments whose decision or matches differ
 * @param transitions "SERVING→CANDIDATE" decision → comments, only where the decision changes
 * @param rules       rules whose hits differ: comments each ruleset matches, and the comments added and lost
 * @param sample      up to 20 changed comments
 */
public record PreviewResult(String servingVersion, String candidateVersion, long judged, long total,
                            boolean truncated, long changed, Map<String, Long> transitions, List<RuleHits> rules,
                            List<ChangedComment> sample, Agreement moderators) {

    public record RuleHits(String ruleId, long serving, long candidate, long added, long lost) {
    }

    /** @param moderatorStatus the result of the latest moderator decision (PUBLISHED, REJECTED), or null */
    public record ChangedComment(String id, String siteId, String body, String moderatorStatus,
                                 Decision servingDecision, Decision candidateDecision, List<Match> servingMatches,
                                 List<Match> candidateMatches) {
    }

    /**
     * The comments of the period whose latest moderator decision rejected or approved them, and how many of each
     * ruleset holds (sends to review or rejects); {@code rejectedNewlyCaught}: rejected comments the candidate holds
     * and the serving rules let through; {@code approvedNewlyHeld}: approved comments the candidate would now hold.
     */
    public record Agreement(long rejected, long approved, long rejectedHeldByServing, long rejectedHeldByCandidate,
                            long rejectedNewlyCaught, long approvedHeldByServing, long approvedHeldByCandidate,
                            long approvedNewlyHeld, Accuracy serving, Accuracy candidate) {
    }

    /**
     * Against moderators' decisions: precision = held and rejected / held (of the decided comments), recall = held
     * and rejected / rejected; null when there is nothing to divide by.
     */
    public record Accuracy(Double precision, Double recall) {
    }
}
