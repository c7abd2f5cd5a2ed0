package news.moderation;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.moderation.platform.database.EmbeddedDatabase;
import news.moderation.platform.security.LocalSigningKeys;

/**
 * Starts the embedded PostgreSQL (and provides a local token signing key) before Quarkus when no external database is
 * configured, so that the packaged service runs for real with no set-up. Quarkus reads the datasource URL and the
 * token key location at start, hence this happens in main.
 */
@QuarkusMain
public class ModerationApplication {

    public static void main(String... args) {
        if (EmbeddedDatabase.startUnlessConfigured()) {
            LocalSigningKeys.provideUnlessConfigured();
        }
        Quarkus.run(args);
    }
}
