package news.moderation.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.moderation.platform.database.EmbeddedDatabase;

/** main sees the settings Quarkus will see: application.properties, profiles, .env, not only the environment. */
class EarlySettingsTest {

    private static final String URL = "quarkus.datasource.jdbc.url";

    @TempDir
    Path workingDir;

    @Test
    void theApplicationsOwnPropertiesAreRead() {
        assertEquals(Optional.of("data/postgres"),
                EarlySettings.resolve(workingDir).get("moderation.embedded-db.data-dir"));
    }

    @Test
    void aDatasourceUrlInDotEnvMeansNoEmbeddedDatabase() throws IOException {
        Files.writeString(workingDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db-from-env/m\n");

        EarlySettings settings = EarlySettings.resolve(workingDir);

        assertEquals(Optional.of("jdbc:postgresql://db-from-env/m"), settings.get(URL));
        assertFalse(EmbeddedDatabase.startUnlessConfigured(settings));
    }

    @Test
    void aDatasourceUrlInTheActiveProfileCounts() throws IOException {
        Files.createDirectories(workingDir.resolve("config"));
        Files.writeString(workingDir.resolve("config/application.properties"), """
                %staging.quarkus.datasource.jdbc.url=jdbc:postgresql://staging-db/m
                %elsewhere.quarkus.datasource.jdbc.url=jdbc:postgresql://not-this-one/m
                """);
        Files.writeString(workingDir.resolve(".env"), "QUARKUS_PROFILE=staging\n");

        EarlySettings settings = EarlySettings.resolve(workingDir);

        assertEquals(Optional.of("jdbc:postgresql://staging-db/m"), settings.get(URL));
        assertFalse(EmbeddedDatabase.startUnlessConfigured(settings));
    }

    @Test
    void blankCountsAsUnset() throws IOException {
        Files.writeString(workingDir.resolve(".env"), "QUARKUS_DATASOURCE_JDBC_URL=\n");

        assertEquals(Optional.empty(), EarlySettings.resolve(workingDir).get(URL));
    }
}
