package news.moderation.platform.database;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.moderation.platform.config.StartupFailure;

class EmbeddedDatabaseTest {

    @Test
    void aDataDirectoryThatCannotBeCreatedStopsTheStartWithTheSettingToChange(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("a-file"), "");

        StartupFailure failure = assertThrows(StartupFailure.class, () -> EmbeddedDatabase
                .start(notADirectory.resolve("postgres"), EmbeddedDatabase.Durability.THROWAWAY));

        assertTrue(failure.getMessage().contains("moderation.embedded-db.data-dir"), failure.getMessage());
    }
}
