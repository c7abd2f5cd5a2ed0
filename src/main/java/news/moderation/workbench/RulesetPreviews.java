package news.moderation.workbench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import news.moderation.engine.Ruleset;
import news.moderation.engine.RulesetException;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.Problem;
import news.moderation.ruleset.RulesetService;

/**
 * Ruleset previews as jobs: the candidate is compiled when asked for (a refusal is immediate), the backtest runs on
 * a worker thread of this instance, one preview at a time (each uses every core). Jobs live in memory: another
 * instance does not know them and a restart forgets them; the newest {@code moderation.workbench.kept-jobs} are kept.
 */
@ApplicationScoped
public class RulesetPreviews {

    private static final Logger LOG = Logger.getLogger(RulesetPreviews.class);
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final RulesetService rulesets;
    private final Backtest backtest;
    private final int keptJobs;
    private final Map<UUID, PreviewJob> jobs = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ruleset-preview");
        thread.setDaemon(true);
        return thread;
    });

    RulesetPreviews(RulesetService rulesets, Backtest backtest, ModerationConfig config) {
        this.rulesets = rulesets;
        this.backtest = backtest;
        this.keptJobs = config.workbench().keptJobs();
    }

    /**
     * @throws ClientErrorException 400 for an unusable request, 422 naming the file, rule and example when the
     *                              candidate does not compile or an example fails
     */
    public PreviewJob start(PreviewRequest request) {
        Map<String, String> files = checkedFiles(request.files());
        Instant to = request.to() == null ? Instant.now() : request.to();
        Instant from = request.from() == null ? to.minus(DEFAULT_PERIOD) : request.from();
        if (!from.isBefore(to)) {
            throw ClientErrorException.badRequest("from", "must be before to");
        }
        Ruleset candidate;
        try {
            candidate = rulesets.candidate(files, Boolean.TRUE.equals(request.replaceAll()));
        } catch (RulesetException e) {
            String field = e.getFile() == null ? "files" : "files." + e.getFile();
            throw new ClientErrorException(Problem.UNPROCESSABLE, "The candidate rules would be refused by a reload: "
                    + e.getMessage(), List.of(new Problem.FieldError(field, e.getMessage())));
        }
        Backtest.Plan plan = new Backtest.Plan(rulesets.serving(), candidate, from, to, request.siteId());
        PreviewJob job = new PreviewJob();
        keep(job);
        worker.execute(() -> run(plan, job));
        return job;
    }

    public Optional<PreviewJob> find(UUID id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(Backtest.Plan plan, PreviewJob job) {
        if (job.cancelRequested()) {
            job.cancelled();
            return;
        }
        try {
            backtest.run(plan, job);
        } catch (Exception e) { // a database outage or a bug: the job says so, the worker goes on with the next
            LOG.warnf(e, "Ruleset preview %s failed", job.id());
            job.failed("The preview failed: " + e.getMessage());
        }
    }

    private void keep(PreviewJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            List<UUID> finished = new ArrayList<>();
            for (PreviewJob kept : jobs.values()) {
                if (kept.finished()) {
                    finished.add(kept.id());
                }
            }
            for (int i = 0; jobs.size() > keptJobs && i < finished.size(); i++) {
                jobs.remove(finished.get(i)); // oldest finished first; running and queued ones stay
            }
        }
    }

    private static Map<String, String> checkedFiles(Map<String, String> files) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            boolean relative = !path.isBlank() && !path.startsWith("/") && !path.contains("\\")
                    && List.of(path.split("/")).stream().noneMatch(part -> part.isEmpty() || part.startsWith("."));
            if (!relative || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
                throw ClientErrorException.badRequest("files", "\"" + path + "\" is not a rule file path: a relative "
                        + "path of .yaml or .yml file, with '/' between folders and no part starting with a dot");
            }
            if (file.getValue() == null) {
                throw ClientErrorException.badRequest("files." + path, "must be the file's content");
            }
        }
        return files;
    }

    @PreDestroy
    void stop() {
        synchronized (jobs) {
            jobs.values().forEach(PreviewJob::cancel);
        }
        worker.shutdownNow();
    }
}
