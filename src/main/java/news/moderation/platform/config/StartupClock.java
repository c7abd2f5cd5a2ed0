package news.moderation.platform.config;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Milliseconds since the JVM started, for the start-up's log lines: each part of a start (the embedded PostgreSQL,
 * the rules' compilation, Flyway, Quarkus's boot) says when it finished on one clock, so that a slow start shows where
 * its time went (docs/benchmarks.md, "Restart to ready").
 */
public final class StartupClock {

    /** The process's start as the kernel recorded it (to its clock tick, 10 ms), not when this class was loaded. */
    private static final long JVM_START_MILLIS = ProcessHandle.current().info().startInstant()
            .map(Instant::toEpochMilli).orElseGet(System::currentTimeMillis);

    private StartupClock() {
    }

    public static long sinceJvmStart() {
        return System.currentTimeMillis() - JVM_START_MILLIS;
    }

    /** Milliseconds since {@code startNanos}, a {@link System#nanoTime()} taken when a part began. */
    public static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
