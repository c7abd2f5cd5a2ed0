package news.moderation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import news.moderation.platform.config.EarlySettings;
import news.moderation.platform.config.StartupClock;
import news.moderation.platform.config.StartupFailure;
import news.moderation.platform.database.ConfiguredDatabase;
import news.moderation.platform.database.EmbeddedDatabase;
import news.moderation.platform.errors.MalformedUris;
import news.moderation.platform.security.LocalSigningKeys;
import news.moderation.ruleset.RulesetPreload;

/**
 * Starts the embedded PostgreSQL (and provides a local token signing key) with Quarkus when no external database is
 * configured, so that the packaged service runs for real with no set-up. Quarkus reads the datasource URL and the
 * token key location at start, hence this happens in main, with the settings resolved as Quarkus will resolve them.
 * The database's start and the rules' compilation run in parallel with Quarkus's boot, the start-up's three longest
 * parts.
 */
@QuarkusMain
public class ModerationApplication {

    /** Set by the build's class-data training run (pom.xml): start in full, then exit (StartupTrainingRun). */
    static final String TRAINING_RUN = "app-cds.training-run";

    private static final Logger LOG = Logger.getLogger(ModerationApplication.class);

    public static void main(String... args) {
        LOG.infof("Start-up: main runs %d ms after the JVM started", StartupClock.sinceJvmStart());
        try {
            EarlySettings settings = EarlySettings.resolve();
            requireFreeHttpPort(settings);
            // Both run on threads of their own while Quarkus boots; Flyway's first connection waits for the database.
            RulesetPreload.start(settings, ModerationApplication.class.getClassLoader());
            boolean embeddedDatabase = EmbeddedDatabase.startUnlessConfigured(settings);
            if (!embeddedDatabase) {
                ConfiguredDatabase.requireReachable(settings);
            }
            LocalSigningKeys.provide(settings, embeddedDatabase);
        } catch (StartupFailure e) {
            // The message names the setting to change; a stack trace would only bury it. Straight to stderr: log
            // records written before Quarkus has configured logging are held back until then, and lost on exit.
            System.err.println("ERROR: the service cannot start. " + e.getMessage());
            System.exit(1);
        }
        MalformedUris.replaceQuarkusCheck();
        if (Boolean.getBoolean(TRAINING_RUN)) {
            Quarkus.run(StartupTrainingRun.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    /**
     * Quarkus would find a taken port only after the database has started and been migrated, and would not say which
     * setting moves it. Dev mode keeps its HTTP server across live reloads, which run main again, so it is not
     * checked there; nor is port 0 (any free port).
     */
    private static void requireFreeHttpPort(EarlySettings settings) {
        if (LaunchMode.current().isDevOrTest()) {
            return;
        }
        // Quarkus's own defaults for the packaged service.
        int port = Integer.parseInt(settings.get("quarkus.http.port").orElse("8080"));
        String host = settings.get("quarkus.http.host").orElse("0.0.0.0");
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Vert.x binds: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupFailure("The HTTP port " + host + ":" + port + " is taken (" + e.getMessage()
                    + "): stop the program using it, or set quarkus.http.port (QUARKUS_HTTP_PORT) to a free port");
        }
    }
}
