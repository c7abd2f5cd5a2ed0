package news.moderation.platform.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
        return start(dataDir, EmbeddedDatabase.start(dataDir, durability), durability, checkInterval);
    }

    static SupervisedPostgres start(Path dataDir, Durability durability, int port, Duration checkInterval) {
        return start(dataDir, EmbeddedDatabase.start(dataDir, durability, OptionalLong.of(port)), durability,
                checkInterval);
    }

    private static SupervisedPostgres start(Path dataDir, EmbeddedPostgres server, Durability durability,
            Duration checkInterval) {
        SupervisedPostgres supervised = new SupervisedPostgres(dataDir, durability, checkInterval, server);
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
        if (!portFree()) {
            // Its old backends may still be closing their sockets, or another program took the port meanwhile.
            LOG.debugf("The embedded PostgreSQL's port %d is not free yet; restarting at the next check", port);
            return;
        }
        LOG.warnf("The embedded PostgreSQL is gone; restarting it on port %d (crash recovery from its data directory %s)",
                port, dataDir);
        try {
            releaseDeadServer();
            server = EmbeddedDatabase.start(dataDir, durability, OptionalLong.of(port));
            LOG.infof("The embedded PostgreSQL runs again on port %d", port);
        } catch (RuntimeException e) {
            // zonky keeps its lock on the data directory when a start fails, in an instance that nobody can reach
            // (and that GC does not release): no later start in this process can take it. The checks above spare
            // the failures that pass (a taken port, old backends, a stale pid file); what is left needs an operator.
            LOG.errorf("The embedded PostgreSQL could not be restarted (%s): restart the service", e.getMessage());
            closed = true;
            supervisor.shutdown();
        }
    }

    private boolean portFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as PostgreSQL binds
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean postmasterAlive() {
        return EmbeddedDatabase.livePostmaster(dataDir).isPresent();
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
}
