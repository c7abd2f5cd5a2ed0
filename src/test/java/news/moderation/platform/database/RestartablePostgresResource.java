package news.moderation.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An "external" PostgreSQL for a test of outages: a real server that the test can stop and start again on the same
 * port and data directory, as an operator's database would go away and come back. Not supervised by the service.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;
    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        dataDir = ThrowawayDirectory.create("test-postgres-").resolve("data");
        server = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Durability.THROWAWAY);
        port = server.getPort();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        stopServer();
        ThrowawayDirectory.delete(dataDir.getParent());
    }

    /** Stops the server ("fast" shutdown: open sessions are ended). */
    public static synchronized void stopServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Starts it again where it was. */
    public static synchronized void startServer() {
        if (server == null) {
            server = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Durability.THROWAWAY, OptionalLong.of(port));
        }
    }

    /** The running postmaster, for tests that signal it directly. */
    static ProcessHandle postmaster() {
        return EmbeddedDatabase.livePostmaster(dataDir).orElseThrow();
    }
}
