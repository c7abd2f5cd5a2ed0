package news.moderation.stats;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import news.moderation.platform.config.ModerationConfig;
import news.moderation.sites.ModeratorSites;
import news.moderation.sites.SiteScope;

/**
 * Aggregates in PostgreSQL: comments by decision, category, day and rule; moderators' decisions by rule. Always within
 * the sites the moderator may see.
 */
@ApplicationScoped
public class StatsService {

    private final EntityManager em;
    private final ModeratorSites moderatorSites;
    private final ModerationConfig.RuleHealth health;

    StatsService(EntityManager em, ModeratorSites moderatorSites, ModerationConfig config) {
        this.em = em;
        this.moderatorSites = moderatorSites;
        this.health = config.ruleHealth();
    }

    /** A time range within some sites: every query's {@code WHERE} holds {@code %s} for the sites' condition. */
    private record Range(Instant from, Instant to, SiteScope sites) {
    }

    /**
     * The stats of the moderator's sites, or of one of them ({@code siteId}; another site's are empty, as if it had
     * no comments).
     */
    @Transactional
    public ModerationStats stats(Instant from, Instant to, Optional<String> siteId) {
        Range range = new Range(from, to, moderatorSites.scope().narrowedTo(siteId));
        Map<String, Long> byDecision = counts("""
                SELECT decision, count(*) FROM comment WHERE created_at >= :from AND created_at < :to%s
                GROUP BY decision ORDER BY decision""", range);
        Map<String, Long> byCategory = counts("""
                SELECT category, count(*) FROM comment, jsonb_array_elements_text(categories) AS category
                WHERE created_at >= :from AND created_at < :to%s GROUP BY category ORDER BY category""", range);

        Map<LocalDate, Map<String, Long>> machine = daily("""
                SELECT CAST(created_at AT TIME ZONE 'UTC' AS date), decision, count(*) FROM comment
                WHERE created_at >= :from AND created_at < :to%s GROUP BY 1, 2""", range);
        Map<LocalDate, Map<String, Long>> moderators = daily("""
                SELECT CAST(occurred_at AT TIME ZONE 'UTC' AS date), to_state, count(*) FROM audit_event
                WHERE action IN ('MODERATOR_DECISION', 'APPEAL_DECISION') AND occurred_at >= :from AND occurred_at < :to%s
                GROUP BY 1, 2""", range);
        TreeMap<LocalDate, ModerationStats.Day> days = new TreeMap<>();
        machine.keySet().forEach(d -> days.put(d, null));
        moderators.keySet().forEach(d -> days.put(d, null));
        List<ModerationStats.Day> byDay = days.keySet().stream().map(d -> new ModerationStats.Day(d,
                machine.getOrDefault(d, Map.of()), moderators.getOrDefault(d, Map.of()))).toList();

        List<ModerationStats.RuleCount> topRules = rows("""
                SELECT m ->> 'ruleId', count(*) FROM comment, jsonb_array_elements(matches) AS m
                WHERE created_at >= :from AND created_at < :to%s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20""", range)
                .stream().map(r -> new ModerationStats.RuleCount((String) r[0], ((Number) r[1]).longValue())).toList();

        List<ModerationStats.RulePrecision> rules = precision(range);
        List<ModerationStats.RulePrecision> needsAttention = rules.stream().filter(this::needsAttention)
                .sorted(Comparator.comparing(ModerationStats.RulePrecision::precision)
                        .thenComparing(ModerationStats.RulePrecision::ruleId))
                .toList();
        return new ModerationStats(from, to, byDecision, byCategory, byDay, topRules, rules,
                new ModerationStats.RuleHealth(health.minPrecision(), health.minDecisions(), needsAttention));
    }

    /** Every site's per-rule precision over the decisions made in a range: what the rule health gauges show. */
    @Transactional
    List<ModerationStats.RulePrecision> precisionOfEverySite(Instant from, Instant to) {
        return precision(new Range(from, to, SiteScope.everySite()));
    }

    /** Judged only on enough decisions ({@code moderation.rule-health.min-decisions}), then against the threshold. */
    boolean needsAttention(ModerationStats.RulePrecision rule) {
        return rule.precision() != null && rule.decided() >= health.minDecisions()
                && rule.precision() < health.minPrecision();
    }

    /** Decisions made here and those reported back by Perspective clients (suggestscore) both count. */
    private List<ModerationStats.RulePrecision> precision(Range range) {
        Map<String, long[]> tallies = new TreeMap<>(); // confirmed, overturned, missed
        for (Object[] row : rows("""
                SELECT rule_id, machine_decision, to_state, count(*)
                FROM audit_event, jsonb_array_elements_text(rule_ids) AS rule_id
                WHERE action IN ('MODERATOR_DECISION', 'APPEAL_DECISION', 'SUGGESTED_SCORE')
                  AND occurred_at >= :from AND occurred_at < :to%s
                GROUP BY 1, 2, 3""", range)) {
            long[] tally = tallies.computeIfAbsent((String) row[0], r -> new long[3]);
            boolean held = !"ALLOW".equals(row[1]);
            boolean rejected = "REJECTED".equals(row[2]);
            long count = ((Number) row[3]).longValue();
            if (held) {
                tally[rejected ? 0 : 1] += count;
            } else if (rejected) {
                tally[2] += count;
            }
        }
        List<ModerationStats.RulePrecision> result = new ArrayList<>();
        tallies.forEach((rule, t) -> result.add(new ModerationStats.RulePrecision(rule, t[0], t[1], t[2],
                t[0] + t[1] == 0 ? null : (double) t[0] / (t[0] + t[1]))));
        return result;
    }

    private Map<String, Long> counts(String sql, Range range) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows(sql, range).forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private Map<LocalDate, Map<String, Long>> daily(String sql, Range range) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (Object[] r : rows(sql, range)) {
            LocalDate day = r[0] instanceof Date date ? date.toLocalDate() : (LocalDate) r[0];
            days.computeIfAbsent(day, d -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Range range) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(sql.formatted(range.sites().sqlCondition("site_id", params)))
                .setParameter("from", range.from()).setParameter("to", range.to());
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
