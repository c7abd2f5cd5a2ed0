package news.moderation.ruleset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import news.moderation.engine.Category;
import news.moderation.engine.Decision;
import news.moderation.engine.JudgingContext;
import news.moderation.engine.ReloadOutcome;
import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetReloader;
import news.moderation.engine.Severity;
import news.moderation.engine.TextTooLongException;
import news.moderation.engine.Verdict;
import news.moderation.engine.rules.RuleFiles;
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
    private final Path rulesDirectory;
    private final MeterRegistry metrics;
    private final int maxCommentLength;
    private final Counter reloadFailures;
    private final AtomicInteger lastReloadFailed = new AtomicInteger();

    /** Observers of a swap (re-judging held comments); injected apart from the start-up's constructor. */
    @Inject
    Event<RulesetReloaded> reloaded;

    /** Skips the scheduled check until the rules have loaded, that is until a {@link RulesetService} exists. */
    @Singleton
    static class NotLoadedYet implements Scheduled.SkipPredicate {
        private volatile boolean loaded;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !loaded;
        }
    }

    /** @throws ConfigurationException (one line: Quarkus prints only its message) when the rules cannot be used */
    RulesetService(ModerationConfig config, MeterRegistry metrics, NotLoadedYet notLoadedYet) {
        RulesLocation rules = RulesLocation.resolve(config.rules().dir(), Path.of(""), getClass().getClassLoader());
        int maxTextLength = config.rules().maxTextLength();
        // Compiled by main in parallel with the database's start, unless the service runs without that main.
        Optional<RulesetReloader> preloaded = RulesetPreload.take(rules.directory(), maxTextLength);
        try {
            this.reloader = preloaded.isPresent() ? preloaded.get()
                    : new RulesetReloader(rules.directory(), maxTextLength);
        } catch (RulesetException e) {
            throw rules.notLoadable(e);
        }
        this.rulesDirectory = rules.directory();
        this.metrics = metrics;
        this.maxCommentLength = config.comments().maxBodyLength();
        this.reloadFailures = Counter.builder("moderation.ruleset.reload.failures")
                .description("Rule changes refused: a file did not compile, was over a limit, or an example failed")
                .register(metrics);
        metrics.gauge("moderation.ruleset.last.reload.failed", lastReloadFailed);
        LOG.infof("Ruleset %s loaded from %s%s: %s", reloader.current().version(), rules.description(),
                preloaded.isPresent() ? ", compiled while the database started" : "", reloader.current().stats());
        notLoadedYet.loaded = true;
    }

    /**
     * Judges a text a reader wrote; {@code field} names it in the problem answer when it is too long or empty.
     *
     * @param context whether the text answers another comment (rules with {@code scope: reply} apply only then)
     */
    public Verdict judge(String field, String text, String lang, JudgingContext context) {
        if (text.isEmpty() || text.length() > maxCommentLength) {
            throw ClientErrorException.badRequest(field, "must be between 1 and " + maxCommentLength
                    + " characters long");
        }
        return judgeAnyLength(text, lang, context);
    }

    /**
     * Judges a text whose length the caller has bounded by its own contract, up to {@link #maxTextLength()}.
     *
     * @throws ClientErrorException 413 when the text is longer than the engine judges
     */
    public Verdict judgeAnyLength(String text, String lang, JudgingContext context) {
        Verdict verdict = judgeUncounted(text, lang, context);
        count(verdict);
        return verdict;
    }

    /**
     * Judges a text that is not a comment being decided (a moderator's score correction): not counted in metrics.
     *
     * @throws ClientErrorException 413 when the text is longer than the engine judges
     */
    public Verdict judgeUncounted(String text, String lang, JudgingContext context) {
        try {
            return reloader.current().judge(text, lang, context);
        } catch (TextTooLongException e) {
            throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    /** The longest text the rule engine judges ({@code moderation.rules.max-text-length}), in UTF-16 chars. */
    public int maxTextLength() {
        return reloader.current().maxTextLength();
    }

    /** What the live policy does with one match of this category and severity. */
    public Decision decide(Category category, Severity severity) {
        return reloader.current().decide(category, severity);
    }

    /** The text with the verdict's matched spans replaced by the policy's mask character. */
    public String mask(String text, VerdictView verdict) {
        return verdict.matches().isEmpty() ? text : reloader.current().mask(text, verdict.toEngine());
    }

    /** The ruleset serving now, for callers that judge many texts with one ruleset (the workbench's backtest). */
    public Ruleset serving() {
        return reloader.current();
    }

    /** The rule files in the rules directory now: what a candidate's changed files are laid over. */
    public List<RuleFiles.RuleFile> ruleFiles() throws RulesetException {
        return RuleFiles.read(rulesDirectory).files();
    }

    /**
     * A candidate ruleset, compiled and its examples checked exactly as a reload would: the rule files in the rules
     * directory with {@code changedFiles} (path relative to the directory → content) laid over them, or only
     * {@code changedFiles} when {@code replaceAll}. Nothing is written and the serving ruleset is untouched.
     *
     * @throws RulesetException naming the file, rule and example that make the candidate unusable
     */
    public Ruleset candidate(Map<String, String> changedFiles, boolean replaceAll) throws RulesetException {
        Map<String, String> files = new TreeMap<>();
        if (!replaceAll) {
            for (RuleFiles.RuleFile file : ruleFiles()) {
                files.put(file.path(), file.content());
            }
        }
        files.putAll(changedFiles);
        List<RuleFiles.RuleFile> ruleFiles = files.entrySet().stream()
                .map(file -> new RuleFiles.RuleFile(file.getKey(), file.getValue())).toList();
        return Ruleset.load(RuleFiles.of(ruleFiles), reloader.current().maxTextLength());
    }

    public RulesetReloader.Status status() {
        return reloader.status();
    }

    /**
     * Not before the rules have loaded: a check during start-up would create this bean a second time and, when the
     * rules do not load, log the failure again with a stack trace from the scheduler's thread.
     */
    @Scheduled(every = "${moderation.rules.reload-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotLoadedYet.class)
    void reloadIfChanged() {
        String serving = reloader.current().version();
        report(reloader.reloadIfChanged(), serving);
    }

    public ReloadOutcome reload() {
        String serving = reloader.current().version();
        return report(reloader.reload(), serving);
    }

    private ReloadOutcome report(ReloadOutcome outcome, String previousVersion) {
        switch (outcome) {
            case UNCHANGED -> {
            }
            case RELOADED -> {
                lastReloadFailed.set(0);
                LOG.infof("Ruleset %s is now active: %s", reloader.current().version(), reloader.current().stats());
                if (!reloader.current().version().equals(previousVersion)) { // not a forced reload of the same rules
                    reloaded.fire(new RulesetReloaded(reloader.current(), previousVersion));
                }
            }
            case FAILED -> {
                lastReloadFailed.set(1);
                reloadFailures.increment();
                // the service runs on with the old rules: whoever changed the files acts on it, not the operator
                LOG.warnf("Rule change refused, ruleset %s keeps serving: %s", reloader.current().version(),
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
