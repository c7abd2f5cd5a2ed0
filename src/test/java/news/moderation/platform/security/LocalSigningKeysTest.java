package news.moderation.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupFailure;

class LocalSigningKeysTest {

    @TempDir
    Path workingDir;

    /**
     * Dev mode names the local key pair as the verification key (so that Quarkus does not configure a dev key pair
     * of its own); the pair that scripts/MintToken.java signs with must then exist.
     */
    @Test
    void inDevModeTokensAreVerifiedWithTheLocalKeyPairWhichIsCreated() throws IOException {
        Path keyDir = workingDir.resolve("keys");
        EarlySettings settings = settings("QUARKUS_PROFILE=dev\nMODERATION_JWT_KEY_DIR=" + keyDir + "\n");

        LocalSigningKeys.provide(settings, false);

        assertEquals(Optional.of(keyDir + "/" + LocalSigningKeys.PUBLIC_KEY_FILE),
                settings.get(LocalSigningKeys.PUBLIC_KEY_LOCATION));
        assertTrue(Files.isReadable(keyDir.resolve(LocalSigningKeys.PUBLIC_KEY_FILE)));
        assertTrue(Files.isReadable(keyDir.resolve(LocalSigningKeys.PRIVATE_KEY_FILE)));
    }

    @Test
    void anExternalDatabaseWithoutAVerificationKeyIsWarnedAboutAtStartUp() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LocalSigningKeys.class.getName());
        logger.addHandler(capture);
        try {
            LocalSigningKeys.provide(settings("QUARKUS_PROFILE=external-db-test\n"), false);
        } finally {
            logger.removeHandler(capture);
        }

        assertTrue(records.stream().anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                && r.getMessage() != null && String.valueOf(formatted(r)).contains("mp.jwt.verify.publickey.location")),
                "a WARN naming mp.jwt.verify.publickey.location");
    }

    @Test
    void anUnreadableVerificationKeyStopsTheStartWithTheSettingToChange() throws IOException {
        EarlySettings settings = settings("MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + workingDir.resolve("missing.pem") + "\n");

        StartupFailure failure = assertThrows(StartupFailure.class, () -> LocalSigningKeys.provide(settings, false));
        assertTrue(failure.getMessage().contains("mp.jwt.verify.publickey.location"), failure.getMessage());
    }

    @Test
    void anUnwritableKeyDirectoryStopsTheStartWithTheSettingToChange() throws IOException {
        Path notADirectory = Files.writeString(workingDir.resolve("a-file"), "");
        EarlySettings settings = settings("MODERATION_JWT_KEY_DIR=" + notADirectory.resolve("jwt") + "\n");

        StartupFailure failure = assertThrows(StartupFailure.class, () -> LocalSigningKeys.provide(settings, true));
        assertTrue(failure.getMessage().contains("moderation.jwt.key-dir"), failure.getMessage());
    }

    private EarlySettings settings(String dotEnv) throws IOException {
        Files.writeString(workingDir.resolve(".env"), dotEnv);
        return EarlySettings.resolve(workingDir);
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters);
    }
}
