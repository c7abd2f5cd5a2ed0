package news.moderation.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL killed with SIGKILL comes back by itself, on its port, with every committed row. */
class SupervisedPostgresTest {

    @Test
    void aKilledPostmasterIsRestartedOnTheSamePortWithItsCommittedRows() throws Exception {
        Path dataDir = ThrowawayDirectory.create("supervised-postgres-").resolve("data");
        SupervisedPostgres postgres = SupervisedPostgres.start(dataDir, EmbeddedDatabase.Durability.DURABLE,
                Duration.ofMillis(200));
        try {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept SELECT generate_series(1, 1000)");
            }
            long pid = EmbeddedDatabase.postmasterPid(dataDir).orElseThrow();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL

            try (Connection connection = connectWithin(postgres.jdbcUrl(), Duration.ofSeconds(60));
                 ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM kept")) {
                count.next();
                assertEquals(1000, count.getInt(1));
            }
            assertNotEquals(pid, EmbeddedDatabase.postmasterPid(dataDir).orElseThrow());
        } finally {
            postgres.close();
            ThrowawayDirectory.delete(dataDir.getParent());
        }
    }

    private static Connection connectWithin(String url, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("PostgreSQL was not back within " + bound, notYet);
                }
                Thread.sleep(100);
            }
        }
    }
}
