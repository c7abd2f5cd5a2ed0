package news.moderation.platform.config;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Milliseconds since the JVM started, for the start-up's log lines: each part of a start (the embedded PostgreSQL,
 * the rules' compilation, Flyway, Quarkus's boot) says when it finished on one clock, so that a slow start shows where
 * its time went (docs/benchmarks.md, "Restart to ready").
 */
public final class StartupClock {

    /**
     * The JVM's start as it recorded it on the wall clock, not when this class was loaded. Not the kernel's process
     * start time: that is derived from the boot time, which in a virtual machine can be hundreds of milliseconds off
     * the wall clock these lines are compared with.
     */
    private static final long JVM_START_MILLIS = ManagementFactory.getRuntimeMXBean().getStartTime();

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
