package news.moderation;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupFailure;
import news.moderation.platform.database.EmbeddedDatabase;
import news.moderation.platform.security.LocalSigningKeys;

/**
 * Starts the embedded PostgreSQL (and provides a local token signing key) before Quarkus when no external database is
 * configured, so that the packaged service runs for real with no set-up. Quarkus reads the datasource URL and the
 * token key location at start, hence this happens in main, with the settings resolved as Quarkus will resolve them.
 */
@QuarkusMain
public class ModerationApplication {

    public static void main(String... args) {
        try {
            EarlySettings settings = EarlySettings.resolve();
            boolean embeddedDatabase = EmbeddedDatabase.startUnlessConfigured(settings);
            LocalSigningKeys.provide(settings, embeddedDatabase);
        } catch (StartupFailure e) {
            // The message names the setting to change; a stack trace would only bury it. Straight to stderr: log
            // records written before Quarkus has configured logging are held back until then, and lost on exit.
            System.err.println("ERROR: the service cannot start. " + e.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }
}
