package news.moderation.engine;

import news.moderation.engine.rules.RuleFiles;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps the serving {@link Ruleset} of a rules directory and replaces it when the directory's content changes.
 * It has no thread of its own: the service calls {@link #reloadIfChanged()} on its schedule (or an admin calls
 * {@link #reload()}). A new ruleset is swapped in atomically only once it compiled and its examples passed; a broken
 * one leaves the old ruleset serving and is reported in {@link #status()}.
 *
 * <p>Change detection hashes the content of every rule file (the ruleset version), following symlinks, so a
 * Kubernetes ConfigMap update (an atomic swap of the {@code ..data} symlink) is seen on the next call.
 */
public final class RulesetReloader {

    /** What an admin endpoint shows. {@code lastError}/{@code lastErrorAt} are null until a reload fails. */
    public record Status(String version, Instant loadedAt, RulesetStats stats, String lastError, Instant lastErrorAt) {
    }

    private final Path rulesDir;
    private final Clock clock;
    private volatile Ruleset current;
    private volatile Status status;
    /** the version of the last refused content, so a broken directory is not recompiled on every poll */
    private String refusedVersion;

    public RulesetReloader(Path rulesDir) throws RulesetException {
        this(rulesDir, Clock.systemUTC());
    }

    RulesetReloader(Path rulesDir, Clock clock) throws RulesetException {
        this.rulesDir = Objects.requireNonNull(rulesDir);
        this.clock = clock;
        this.current = Ruleset.load(RuleFiles.read(rulesDir));
        this.status = new Status(current.version(), clock.instant(), current.stats(), null, null);
    }

    public Ruleset current() {
        return current;
    }

    public Status status() {
        return status;
    }

    public synchronized ReloadOutcome reloadIfChanged() {
        RuleFiles files;
        try {
            files = RuleFiles.read(rulesDir);
        } catch (RulesetException e) {
            return failed(e, null);
        }
        if (files.version().equals(current.version()) || files.version().equals(refusedVersion)) {
            return ReloadOutcome.UNCHANGED;
        }
        return load(files);
    }

    /** Loads the directory even when its content looks unchanged. */
    public synchronized ReloadOutcome reload() {
        try {
            return load(RuleFiles.read(rulesDir));
        } catch (RulesetException e) {
            return failed(e, null);
        }
    }

    private ReloadOutcome load(RuleFiles files) {
        try {
            Ruleset loaded = Ruleset.load(files);
            current = loaded;
            refusedVersion = null;
            status = new Status(loaded.version(), clock.instant(), loaded.stats(), status.lastError(),
                    status.lastErrorAt());
            return ReloadOutcome.RELOADED;
        } catch (RulesetException e) {
            return failed(e, files.version());
        }
    }

    private ReloadOutcome failed(RulesetException e, String version) {
        refusedVersion = version;
        status = new Status(status.version(), status.loadedAt(), status.stats(), e.getMessage(), clock.instant());
        return ReloadOutcome.FAILED;
    }
}
