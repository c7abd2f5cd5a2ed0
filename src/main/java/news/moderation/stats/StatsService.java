package news.moderation.stats;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Aggregates in PostgreSQL: comments by decision, category, day and rule; moderators' decisions by rule. */
@ApplicationScoped
public class StatsService {

    private final EntityManager em;

    StatsService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public ModerationStats stats(Instant from, Instant to) {
        Map<String, Long> byDecision = counts("""
                SELECT decision, count(*) FROM comment WHERE created_at >= :from AND created_at < :to
                GROUP BY decision ORDER BY decision""", from, to);
        Map<String, Long> byCategory = counts("""
                SELECT category, count(*) FROM comment, jsonb_array_elements_text(categories) AS category
                WHERE created_at >= :from AND created_at < :to GROUP BY category ORDER BY category""", from, to);

        Map<LocalDate, Map<String, Long>> machine = daily("""
                SELECT CAST(created_at AT TIME ZONE 'UTC' AS date), decision, count(*) FROM comment
                WHERE created_at >= :from AND created_at < :to GROUP BY 1, 2""", from, to);
        Map<LocalDate, Map<String, Long>> moderators = daily("""
                SELECT CAST(occurred_at AT TIME ZONE 'UTC' AS date), to_state, count(*) FROM audit_event
                WHERE action = 'MODERATOR_DECISION' AND occurred_at >= :from AND occurred_at < :to
                GROUP BY 1, 2""", from, to);
        TreeMap<LocalDate, ModerationStats.Day> days = new TreeMap<>();
        machine.keySet().forEach(d -> days.put(d, null));
        moderators.keySet().forEach(d -> days.put(d, null));
        List<ModerationStats.Day> byDay = days.keySet().stream().map(d -> new ModerationStats.Day(d,
                machine.getOrDefault(d, Map.of()), moderators.getOrDefault(d, Map.of()))).toList();

        List<ModerationStats.RuleCount> topRules = rows("""
                SELECT m ->> 'ruleId', count(*) FROM comment, jsonb_array_elements(matches) AS m
                WHERE created_at >= :from AND created_at < :to GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20""", from, to)
                .stream().map(r -> new ModerationStats.RuleCount((String) r[0], ((Number) r[1]).longValue())).toList();

        return new ModerationStats(from, to, byDecision, byCategory, byDay, topRules, precision(from, to));
    }

    /** Decisions made here and those reported back by Perspective clients (suggestscore) both count. */
    private List<ModerationStats.RulePrecision> precision(Instant from, Instant to) {
        Map<String, long[]> tallies = new TreeMap<>(); // confirmed, overturned, missed
        for (Object[] row : rows("""
                SELECT rule_id, machine_decision, to_state, count(*)
                FROM audit_event, jsonb_array_elements_text(rule_ids) AS rule_id
                WHERE action IN ('MODERATOR_DECISION', 'SUGGESTED_SCORE') AND occurred_at >= :from AND occurred_at < :to
                GROUP BY 1, 2, 3""", from, to)) {
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

    private Map<String, Long> counts(String sql, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows(sql, from, to).forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private Map<LocalDate, Map<String, Long>> daily(String sql, Instant from, Instant to) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (Object[] r : rows(sql, from, to)) {
            LocalDate day = r[0] instanceof Date date ? date.toLocalDate() : (LocalDate) r[0];
            days.computeIfAbsent(day, d -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to) {
        return em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).getResultList();
    }
}
