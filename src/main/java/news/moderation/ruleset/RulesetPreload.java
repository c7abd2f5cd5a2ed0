package news.moderation.ruleset;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jboss.logging.Logger;

import news.moderation.engine.RulesetException;
import news.moderation.engine.RulesetReloader;
import news.moderation.engine.Ruleset;
import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupClock;

/**
 * Compiles the rules on a thread of its own from {@code main}, while the embedded PostgreSQL starts and Quarkus boots,
 * so that {@link RulesetService} finds its ruleset compiled instead of compiling it on the start path. It is used only
 * when it was compiled from the very directory and text limit the service resolves from its configuration; anything
 * else (a setting that does not parse, rules that do not load) is left to the service, which compiles again and
 * reports the problem as it always does.
 */
public final class RulesetPreload {

    private record Compiling(Path directory, int maxTextLength, CompletableFuture<RulesetReloader> reloader) {
    }

    /** The rules directory and text limit the settings name, as {@link RulesetService} will resolve them. */
    record Target(Path directory, int maxTextLength) {

        /** Empty when a setting does not parse: the service resolves the settings again and says what is wrong. */
        static Optional<Target> of(EarlySettings settings, ClassLoader classLoader) {
            try {
                return Optional.of(new Target(RulesLocation.resolve(settings.get(RulesLocation.SETTING).map(Path::of),
                        Path.of(""), classLoader).directory(), settings.get("moderation.rules.max-text-length")
                                .map(Integer::parseInt).orElse(Ruleset.DEFAULT_MAX_TEXT_LENGTH)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(RulesetPreload.class);

    private static Compiling compiling;

    private RulesetPreload() {
    }

    /** Starts compiling the rules that the settings name, as {@link RulesetService} will resolve them. */
    public static synchronized void start(EarlySettings settings, ClassLoader classLoader) {
        Target.of(settings, classLoader).ifPresent(target -> compiling = new Compiling(target.directory(),
                target.maxTextLength(), CompletableFuture.supplyAsync(() -> {
                    try {
                        long startedAt = System.nanoTime();
                        RulesetReloader reloader = new RulesetReloader(target.directory(), target.maxTextLength());
                        LOG.infof("Start-up: the rules compiled in %d ms on a thread of their own (%d ms after the JVM"
                                + " started)", StartupClock.millisSince(startedAt),
                                StartupClock.sinceJvmStart());
                        return reloader;
                    } catch (RulesetException e) {
                        throw new CompletionException(e);
                    }
                }, task -> {
                    Thread thread = new Thread(task, "ruleset-preload");
                    thread.setDaemon(true);
                    thread.start();
                })));
    }

    /** The reloader compiled for exactly this directory and text limit, waiting for it if need be; taken once. */
    static synchronized Optional<RulesetReloader> take(Path directory, int maxTextLength) {
        Compiling taken = compiling;
        compiling = null;
        if (taken == null || !taken.directory().equals(directory) || taken.maxTextLength() != maxTextLength) {
            return Optional.empty();
        }
        long waitingSince = System.nanoTime();
        try {
            RulesetReloader reloader = taken.reloader().join();
            LOG.infof("Start-up: the service waited %d ms for the rules compiled beside it (%d ms after the JVM"
                    + " started)", StartupClock.millisSince(waitingSince),
                    StartupClock.sinceJvmStart());
            return Optional.of(reloader);
        } catch (CompletionException e) {
            return Optional.empty();
        }
    }
}
