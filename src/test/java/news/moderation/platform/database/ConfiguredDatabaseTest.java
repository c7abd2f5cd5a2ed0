package news.moderation.platform.database;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupFailure;

/** A configured PostgreSQL that cannot be used stops the start with one line naming the settings to change. */
class ConfiguredDatabaseTest {

    @TempDir
    Path workingDir;

    @Test
    void anUnreachableDatabaseNamesTheUrlSetting() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EarlySettings settings = settings("jdbc:postgresql://127.0.0.1:" + closedPort + "/moderation", "moderation");

        StartupFailure failure = assertThrows(StartupFailure.class, () -> ConfiguredDatabase.requireReachable(settings));

        assertTrue(failure.getMessage().contains("quarkus.datasource.jdbc.url"), failure.getMessage());
    }

    @Test
    void aRefusedLoginNamesTheCredentialSettingsAndAGoodOnePasses() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(workingDir.resolve("postgres"),
                EmbeddedDatabase.Durability.THROWAWAY)) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

            StartupFailure failure = assertThrows(StartupFailure.class,
                    () -> ConfiguredDatabase.requireReachable(settings(url, "nobody-by-that-name")));
            assertTrue(failure.getMessage().contains("quarkus.datasource.username"), failure.getMessage());

            assertDoesNotThrow(() -> ConfiguredDatabase.requireReachable(settings(url, "postgres")));
        }
    }

    private EarlySettings settings(String url, String user) throws IOException {
        Files.writeString(workingDir.resolve(".env"),
                "QUARKUS_DATASOURCE_JDBC_URL=" + url + "\nQUARKUS_DATASOURCE_USERNAME=" + user + "\n");
        return EarlySettings.resolve(workingDir);
    }
}
