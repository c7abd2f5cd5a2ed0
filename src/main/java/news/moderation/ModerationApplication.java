package news.moderation;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.moderation.platform.database.EmbeddedDatabase;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, so that the packaged
 * service runs for real with no set-up. Quarkus reads the datasource URL at start, hence this happens in main.
 */
@QuarkusMain
public class ModerationApplication {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
