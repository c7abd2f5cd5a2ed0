package news.moderation.appeals;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import news.moderation.events.DomainEvent;
import news.moderation.events.NoticeDecided;
import news.moderation.sites.ModeratorSites;
import news.moderation.sites.SiteScope;

/**
 * How often decisions are appealed and reversed, per rule (the machine's removals, by the rules that matched) and per
 * moderator (each person's removals and decisions not to act on a notice; "system" is the machine as a whole). A rule
 * whose removals are often reversed on appeal is one to fix.
 */
@ApplicationScoped
public class AppealStats {

    /**
     * {@code appealRate} = appeals / decisions, {@code reversalRate} = reversed / decided appeals; absent when there
     * is nothing to divide by.
     */
    public record Rates(long decisions, long appeals, long decided, long reversed, Double appealRate,
            Double reversalRate) {
    }

    /** Decisions and appeals of decisions made in [from, to). */
    public record Report(Instant from, Instant to, Map<String, Rates> byRule, Map<String, Rates> byModerator) {
    }

    /** Counts of one rule or moderator: decisions, appeals, decided appeals, reversals. */
    private static final class Counts {
        long decisions;
        long appeals;
        long decided;
        long reversed;

        Rates rates() {
            return new Rates(decisions, appeals, decided, reversed,
                    decisions == 0 ? null : (double) appeals / decisions,
                    decided == 0 ? null : (double) reversed / decided);
        }
    }

    /** The rule ids of a row's JSON array (none when the column holds no array). */
    private static final String RULES_OF = "jsonb_array_elements_text(CASE WHEN jsonb_typeof(%1$s) = 'array'"
            + " THEN %1$s ELSE CAST('[]' AS jsonb) END) AS r(rule_id)";
    private static final String APPEAL_COUNTS = "count(*), count(a.decided_at),"
            + " count(*) FILTER (WHERE a.status = 'REVERSED')";

    private final EntityManager em;
    private final ModeratorSites moderatorSites;

    AppealStats(EntityManager em, ModeratorSites moderatorSites) {
        this.em = em;
        this.moderatorSites = moderatorSites;
    }

    @Transactional
    public Report report(Instant from, Instant to, Optional<String> siteId) {
        SiteScope scope = moderatorSites.scope().narrowedTo(siteId);
        Map<String, Counts> byRule = new HashMap<>();
        Map<String, Counts> byModerator = new HashMap<>();

        for (Object[] row : rows(scope, "e.site_id", from, to, """
                SELECT e.actor, count(*) FROM audit_event e
                WHERE e.to_state = 'REJECTED' AND e.comment_id IS NOT NULL
                  AND e.occurred_at >= :from AND e.occurred_at < :to%s GROUP BY e.actor""")) {
            counts(byModerator, row).decisions += number(row[1]);
        }
        for (Object[] row : rows(scope, "e.site_id", from, to, """
                SELECT e.payload ->> 'actor', count(*) FROM domain_event e
                WHERE e.type = '%s' AND e.payload ->> 'outcome' = '%s'
                  AND e.occurred_at >= :from AND e.occurred_at < :to%%s GROUP BY 1"""
                .formatted(NoticeDecided.TYPE, NoticeDecided.NO_ACTION))) {
            counts(byModerator, row).decisions += number(row[1]);
        }
        for (Object[] row : rows(scope, "e.site_id", from, to, """
                SELECT r.rule_id, count(*) FROM audit_event e CROSS JOIN LATERAL %s
                WHERE e.actor = '%s' AND e.to_state = 'REJECTED' AND e.comment_id IS NOT NULL
                  AND e.occurred_at >= :from AND e.occurred_at < :to%%s GROUP BY r.rule_id"""
                .formatted(RULES_OF.formatted("e.rule_ids"), DomainEvent.SYSTEM))) {
            counts(byRule, row).decisions += number(row[1]);
        }
        for (Object[] row : rows(scope, "a.site_id", from, to, """
                SELECT a.contested_by, %s FROM appeal a
                WHERE a.contested_at >= :from AND a.contested_at < :to%%s GROUP BY a.contested_by"""
                .formatted(APPEAL_COUNTS))) {
            appealCounts(counts(byModerator, row), row);
        }
        for (Object[] row : rows(scope, "a.site_id", from, to, """
                SELECT r.rule_id, %s FROM appeal a CROSS JOIN LATERAL %s
                WHERE a.contested_by = '%s' AND a.contested_at >= :from AND a.contested_at < :to%%s
                GROUP BY r.rule_id""".formatted(APPEAL_COUNTS, RULES_OF.formatted("a.rule_ids"), DomainEvent.SYSTEM))) {
            appealCounts(counts(byRule, row), row);
        }
        // Rules most often reversed first; moderators by name.
        Comparator<Map.Entry<String, Counts>> mostReversed = Comparator
                .<Map.Entry<String, Counts>>comparingLong(e -> -e.getValue().reversed)
                .thenComparingLong(e -> -e.getValue().appeals).thenComparing(Map.Entry::getKey);
        return new Report(from, to, rates(byRule, mostReversed), rates(byModerator, Map.Entry.comparingByKey()));
    }

    /** Rows of {@code sql}, whose %s takes the site condition on {@code siteColumn}. */
    private List<Object[]> rows(SiteScope scope, String siteColumn, Instant from, Instant to, String sql) {
        Map<String, Object> params = new HashMap<>();
        Query query = em.createNativeQuery(sql.formatted(scope.sqlCondition(siteColumn, params)))
                .setParameter("from", from).setParameter("to", to);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static Counts counts(Map<String, Counts> counts, Object[] row) {
        return counts.computeIfAbsent((String) row[0], key -> new Counts());
    }

    private static void appealCounts(Counts counts, Object[] row) {
        counts.appeals += number(row[1]);
        counts.decided += number(row[2]);
        counts.reversed += number(row[3]);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Map<String, Rates> rates(Map<String, Counts> counts,
            Comparator<Map.Entry<String, Counts>> order) {
        Map<String, Rates> rates = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(order).forEach(e -> rates.put(e.getKey(), e.getValue().rates()));
        return rates;
    }
}
