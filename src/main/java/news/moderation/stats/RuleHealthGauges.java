package news.moderation.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import news.moderation.platform.config.ModerationConfig;

/**
 * Rule health as metrics, over every site: {@code moderation.rule.precision{rule}} for each rule moderators decided on
 * within {@code moderation.rule-health.window}, and {@code moderation.rules.needing.attention}, how many of them fall
 * under the threshold. Computed on a schedule rather than on each scrape: a scrape must not run a query per rule.
 */
@ApplicationScoped
class RuleHealthGauges {

    private static final Logger LOG = Logger.getLogger(RuleHealthGauges.class);
    static final String PRECISION = "moderation.rule.precision";
    static final String NEEDING_ATTENTION = "moderation.rules.needing.attention";

    private final StatsService stats;
    private final MeterRegistry metrics;
    private final Duration window;
    private final Map<String, Double> precision = new ConcurrentHashMap<>();
    private final Map<String, Gauge> gauges = new HashMap<>();
    private final AtomicInteger needingAttention = new AtomicInteger();

    RuleHealthGauges(StatsService stats, MeterRegistry metrics, ModerationConfig config) {
        this.stats = stats;
        this.metrics = metrics;
        this.window = config.ruleHealth().window();
        // Held strongly: a gauge registered by metrics.gauge(...) is weakly referenced and may read NaN or vanish.
        Gauge.builder(NEEDING_ATTENTION, needingAttention, AtomicInteger::get)
                .description("How many rules' precision within moderation.rule-health.window is under the threshold")
                .strongReference(true)
                .register(metrics);
    }

    @Scheduled(every = "${moderation.rule-health.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        Instant now = Instant.now();
        Map<String, Double> latest = new HashMap<>();
        int attention = 0;
        try {
            for (ModerationStats.RulePrecision rule : stats.precisionOfEverySite(now.minus(window), now)) {
                if (rule.precision() != null) {
                    latest.put(rule.ruleId(), rule.precision());
                    attention += stats.needsAttention(rule) ? 1 : 0;
                }
            }
        } catch (RuntimeException e) { // the database is away: the gauges keep their last values until it is back
            LOG.warnf("Rule health gauges not refreshed: %s", e.getMessage());
            return;
        }
        precision.putAll(latest);
        needingAttention.set(attention);
        latest.keySet().forEach(rule -> gauges.computeIfAbsent(rule, this::register));
        // A rule nobody decided on within the window any more (or one removed from the rules) has no precision.
        gauges.keySet().removeIf(rule -> {
            if (latest.containsKey(rule)) {
                return false;
            }
            metrics.remove(gauges.get(rule));
            precision.remove(rule);
            return true;
        });
    }

    private Gauge register(String rule) {
        return Gauge.builder(PRECISION, precision, values -> values.getOrDefault(rule, Double.NaN))
                .tag("rule", rule)
                .description("Confirmed / (confirmed + overturned) of the comments the rule held, from moderators' "
                        + "decisions within moderation.rule-health.window")
                .strongReference(true)
                .register(metrics);
    }
}
