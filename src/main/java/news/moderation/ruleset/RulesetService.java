package news.moderation.ruleset;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.ReloadOutcome;
import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetReloader;
import news.moderation.engine.Severity;
import news.moderation.engine.Verdict;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;

/**
 * The service's side of the rule engine: the live ruleset, reloaded when its files change, and the verdict metrics.
 * Created at start-up, so that a service whose rules do not load never comes up.
 */
@Startup
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    private final RulesetReloader reloader;
    private final MeterRegistry metrics;
    private final int maxTextLength;
    private final Counter reloadFailures;
    private final AtomicInteger lastReloadFailed = new AtomicInteger();

    RulesetService(ModerationConfig config, MeterRegistry metrics) throws RulesetException {
        this.reloader = new RulesetReloader(config.rules().dir());
        this.metrics = metrics;
        this.maxTextLength = config.comments().maxBodyLength();
        this.reloadFailures = Counter.builder("moderation.ruleset.reload.failures")
                .description("Rule changes refused because they did not compile or their examples failed")
                .register(metrics);
        metrics.gauge("moderation.ruleset.last.reload.failed", lastReloadFailed);
        LOG.infof("Ruleset %s loaded from %s: %s", reloader.current().version(), config.rules().dir().toAbsolutePath(),
                reloader.current().stats());
    }

    /** Judges a text a reader wrote; {@code field} names it in the problem answer when it is too long or empty. */
    public Verdict judge(String field, String text, String lang) {
        if (text.isEmpty() || text.length() > maxTextLength) {
            throw ClientErrorException.badRequest(field, "must be between 1 and " + maxTextLength + " characters long");
        }
        return judgeAnyLength(text, lang);
    }

    /** Judges a text whose length the caller has already bounded by its own contract. */
    public Verdict judgeAnyLength(String text, String lang) {
        Verdict verdict = reloader.current().judge(text, lang);
        count(verdict);
        return verdict;
    }

    /** Judges a text that is not a comment being decided (a moderator's score correction): not counted in metrics. */
    public Verdict judgeUncounted(String text, String lang) {
        return reloader.current().judge(text, lang);
    }

    /** What the live policy does with one match of this category and severity. */
    public Decision decide(Category category, Severity severity) {
        return reloader.current().decide(category, severity);
    }

    /** The text with the verdict's matched spans replaced by the policy's mask character. */
    public String mask(String text, VerdictView verdict) {
        return verdict.matches().isEmpty() ? text : reloader.current().mask(text, verdict.toEngine());
    }

    public RulesetReloader.Status status() {
        return reloader.status();
    }

    @Scheduled(every = "${moderation.rules.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        report(reloader.reloadIfChanged());
    }

    public ReloadOutcome reload() {
        return report(reloader.reload());
    }

    private ReloadOutcome report(ReloadOutcome outcome) {
        switch (outcome) {
            case UNCHANGED -> {
            }
            case RELOADED -> {
                lastReloadFailed.set(0);
                LOG.infof("Ruleset %s is now active: %s", reloader.current().version(), reloader.current().stats());
            }
            case FAILED -> {
                lastReloadFailed.set(1);
                reloadFailures.increment();
                LOG.errorf("Rule change refused, ruleset %s keeps serving: %s", reloader.current().version(),
                        reloader.status().lastError());
            }
        }
        return outcome;
    }

    private void count(Verdict verdict) {
        metrics.counter("moderation.verdicts", "decision", verdict.decision().name()).increment();
        for (Category category : verdict.categories()) {
            metrics.counter("moderation.verdict.categories", "category", category.id(),
                    "decision", verdict.decision().name()).increment();
        }
    }
}
