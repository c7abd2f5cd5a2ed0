package news.moderation.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.jboss.logging.Logger;

import news.moderation.platform.database.EmbeddedDatabase.Durability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL server that is restarted when it dies. Every {@link #CHECK_INTERVAL} a background thread
 * checks that the postmaster named in {@code postmaster.pid} is alive; when it is gone (killed, crashed, or shut
 * down by someone else) the server is started again on the same data directory and port. PostgreSQL then recovers
 * from its write-ahead log by itself, so every committed row is back, and the connection pool, whose URL has not
 * changed, reconnects. Until then requests that need the database are answered 503 (DatabaseUnavailableMapper).
 */
final class SupervisedPostgres {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(SupervisedPostgres.class);
    private static final String ZONKY_LOGGER = EmbeddedPostgres.class.getName();

    private final Path dataDir;
    private final Durability durability;
    private final int port;
    private final Duration checkInterval;
    private final ScheduledExecutorService supervisor;
    private EmbeddedPostgres server;
    private boolean closed;

    private SupervisedPostgres(Path dataDir, Durability durability, Duration checkInterval, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.durability = durability;
        this.checkInterval = checkInterval;
        this.server = server;
        this.port = server.getPort();
        this.supervisor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-db-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    static SupervisedPostgres start(Path dataDir, Durability durability, Duration checkInterval) {
        SupervisedPostgres supervised = new SupervisedPostgres(dataDir, durability, checkInterval,
                EmbeddedDatabase.start(dataDir, durability));
        supervised.supervisor.scheduleWithFixedDelay(supervised::restartIfGone, checkInterval.toMillis(),
                checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        return supervised;
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return port;
    }

    /** Stops supervising, then stops the server. */
    synchronized void close() {
        closed = true;
        supervisor.shutdownNow();
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly; it recovers at next start", e);
        }
    }

    private synchronized void restartIfGone() {
        if (closed || postmasterAlive()) {
            return;
        }
        LOG.warnf("The embedded PostgreSQL is gone; restarting it on port %d (crash recovery from its data directory %s)",
                port, dataDir);
        try {
            releaseDeadServer();
            removePidFileOfAnotherProgram();
            server = EmbeddedDatabase.start(dataDir, durability, OptionalLong.of(port));
            LOG.infof("The embedded PostgreSQL runs again on port %d", port);
        } catch (RuntimeException e) {
            LOG.warnf("The embedded PostgreSQL could not be restarted yet, trying again in %s: %s", checkInterval,
                    e.getMessage());
        }
    }

    private boolean postmasterAlive() {
        OptionalLong pid = EmbeddedDatabase.postmasterPid(dataDir);
        return pid.isPresent() && EmbeddedDatabase.livePostgres(pid.getAsLong()).isPresent();
    }

    /**
     * Releases zonky's hold on the data directory (its lock file). zonky's close also runs {@code pg_ctl stop}, which
     * fails on a server that is already gone and is logged as an ERROR: that is the expected outcome here, so it is
     * not logged.
     */
    private void releaseDeadServer() {
        java.util.logging.Logger zonky = java.util.logging.Logger.getLogger(ZONKY_LOGGER);
        Level level = zonky.getLevel();
        zonky.setLevel(Level.OFF);
        try {
            server.close();
        } catch (IOException e) {
            LOG.debugf("Releasing the dead server: %s", e.getMessage());
        } finally {
            zonky.setLevel(level);
        }
    }

    /**
     * PostgreSQL ignores a {@code postmaster.pid} whose process is gone, but refuses to start while its pid belongs
     * to a live process, which after a crash may be an unrelated program that got the same pid. Only then is the
     * file removed: when it names a dead process, PostgreSQL needs it to check that no old backend still uses the
     * data directory.
     */
    private void removePidFileOfAnotherProgram() {
        OptionalLong pid = EmbeddedDatabase.postmasterPid(dataDir);
        if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).isPresent()
                && EmbeddedDatabase.livePostgres(pid.getAsLong()).isEmpty()) {
            try {
                Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
                LOG.infof("Removed postmaster.pid, whose pid %d now belongs to another program", pid.getAsLong());
            } catch (IOException e) {
                LOG.warnf("Could not remove the stale %s: %s", dataDir.resolve("postmaster.pid"), e.getMessage());
            }
        }
    }
}
