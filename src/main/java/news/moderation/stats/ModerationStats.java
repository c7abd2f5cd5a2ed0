package news.moderation.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the machine and the moderators did in a time range. {@code rules} tells the newsroom which rules to fix: how
 * often moderators confirmed or overturned what each rule held, and rejected what it let through; {@code ruleHealth}
 * names those whose precision fell under the threshold.
 */
public record ModerationStats(Instant from, Instant to, Map<String, Long> byDecision, Map<String, Long> byCategory,
        List<Day> byDay, List<RuleCount> topRules, List<RulePrecision> rules, RuleHealth ruleHealth) {

    /** Machine decisions on the day's new comments, and moderators' decisions made that day. */
    public record Day(LocalDate day, Map<String, Long> machine, Map<String, Long> moderators) {
    }

    public record RuleCount(String ruleId, long matches) {
    }

    /**
     * {@code confirmed}: held by the machine, rejected by a moderator; {@code overturned}: held, approved;
     * {@code missed}: let through (matched, but allowed), rejected by a moderator. Precision is
     * confirmed / (confirmed + overturned), absent while no held comment was decided.
     */
    public record RulePrecision(String ruleId, long confirmed, long overturned, long missed, Double precision) {

        /** Decisions on comments the rule held: what its precision is measured on. */
        long decided() {
            return confirmed + overturned;
        }
    }

    /**
     * The thresholds ({@code moderation.rule-health.*}) and the rules of the range that need attention: at least
     * {@code minDecisions} decided, precision under {@code minPrecision}; lowest precision first.
     */
    public record RuleHealth(double minPrecision, int minDecisions, List<RulePrecision> needsAttention) {
    }
}
