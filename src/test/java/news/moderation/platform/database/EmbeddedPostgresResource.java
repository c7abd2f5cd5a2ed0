package news.moderation.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A fresh, real PostgreSQL server for a test run, on a throwaway data directory. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        directory = ThrowawayDirectory.create("test-postgres-");
        postgres = EmbeddedDatabase.start(directory.resolve("data"), EmbeddedDatabase.Durability.THROWAWAY);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThrowawayDirectory.delete(directory);
    }
}
