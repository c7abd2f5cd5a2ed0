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
 * one leaves the old ruleset serving and is reported in {@link #status()}. Nothing a reload meets escapes to the
 * caller's thread: not a broken file, not a bug, not an exhausted heap or stack.
 *
 * <p>Change detection hashes the content of every rule file (the ruleset version), following symlinks, so a
 * Kubernetes ConfigMap update (an atomic swap of the {@code ..data} symlink) is seen on the next call.
 */
public final class RulesetReloader {

    /** What an admin endpoint shows. {@code lastError}/{@code lastErrorAt} are null until a reload fails. */
    public record Status(String version, Instant loadedAt, RulesetStats stats, String lastError, Instant lastErrorAt) {
    }

    /** Reads and checks a ruleset: {@link Ruleset#load(RuleFiles, int)}, replaceable by tests. */
    interface Loader {
        Ruleset load(RuleFiles files, int maxTextLength) throws RulesetException;
    }

    private final Path rulesDir;
    private final int maxTextLength;
    private final Clock clock;
    private final Loader loader;
    private volatile Ruleset current;
    private volatile Status status;
    /** the version of the last refused content, so a broken directory is not recompiled on every poll */
    private String refusedVersion;

    /** @throws RulesetException when the directory's rules cannot be loaded: the service cannot start */
    public RulesetReloader(Path rulesDir) throws RulesetException {
        this(rulesDir, Ruleset.DEFAULT_MAX_TEXT_LENGTH);
    }

    /** @param maxTextLength the longest text the rulesets judge ({@link Ruleset#maxTextLength()}) */
    public RulesetReloader(Path rulesDir, int maxTextLength) throws RulesetException {
        this(rulesDir, maxTextLength, Clock.systemUTC(), Ruleset::load);
    }

    RulesetReloader(Path rulesDir, int maxTextLength, Clock clock, Loader loader) throws RulesetException {
        this.rulesDir = Objects.requireNonNull(rulesDir);
        this.maxTextLength = maxTextLength;
        this.clock = clock;
        this.loader = loader;
        this.current = loader.load(RuleFiles.read(rulesDir), maxTextLength);
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
        } catch (RuntimeException | VirtualMachineError e) {
            return failed(unexpected(e), null);
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
        } catch (RuntimeException | VirtualMachineError e) {
            return failed(unexpected(e), null);
        }
    }

    private ReloadOutcome load(RuleFiles files) {
        try {
            Ruleset loaded = loader.load(files, maxTextLength);
            current = loaded;
            refusedVersion = null;
            status = new Status(loaded.version(), clock.instant(), loaded.stats(), status.lastError(),
                    status.lastErrorAt());
            return ReloadOutcome.RELOADED;
        } catch (RulesetException e) {
            return failed(e, files.version());
        } catch (RuntimeException | VirtualMachineError e) {
            // a bug, or a ruleset that got past every limit and still exhausted the heap or the stack: the half-built
            // ruleset is garbage now, the serving one is untouched, and this content is not tried again
            return failed(unexpected(e), files.version());
        }
    }

    private static RulesetException unexpected(Throwable e) {
        return new RulesetException(null, null, null, "loading failed: " + e, e);
    }

    private ReloadOutcome failed(RulesetException e, String version) {
        refusedVersion = version;
        status = new Status(status.version(), status.loadedAt(), status.stats(), e.getMessage(), clock.instant());
        return ReloadOutcome.FAILED;
    }
}
