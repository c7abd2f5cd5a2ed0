package news.moderation;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.QuarkusApplication;

/**
 * The build's class-data training run (pom.xml, {@code app-cds-training}): the packaged service starts in full, on a
 * data directory under {@code target/}, answers its readiness once, over HTTP, and exits. The JVM, started with
 * {@code -XX:ArchiveClassesAtExit}, records every class loaded on the way (Quarkus's boot, the embedded PostgreSQL's
 * start, the JDBC driver, Flyway, Hibernate ORM, the rules' compilation, the health checks) in the archive that later
 * starts load instead of parsing and verifying those classes again.
 */
class StartupTrainingRun implements QuarkusApplication {

    /** The training run's class-load log (pom.xml's {@code -Xlog:class+load}), read by {@link #linkLoadedClasses}. */
    private static final String CLASS_LOAD_LOG = "app-cds.class-load-log";

    /** Where the HTTP server listens, its port known once it has bound (Quarkus's runtime value). */
    private static final String LOCAL_BASE_URI = "quarkus.http.local-base-uri";
    private static final Logger LOG = Logger.getLogger(StartupTrainingRun.class);
    /** Each pass links the classes the previous one loaded to link its own; three reach all but a handful. */
    private static final int LINKING_PASSES = 3;

    @Override
    public int run(String... args) {
        // Asked over HTTP, as a restart's first request asks it, so that the classes of that request are archived too.
        URI readiness = URI.create(ConfigProvider.getConfig().getValue(LOCAL_BASE_URI, String.class) + "/q/health/ready");
        try {
            HttpURLConnection request = (HttpURLConnection) readiness.toURL().openConnection();
            if (request.getResponseCode() != HttpURLConnection.HTTP_OK) {
                LOG.errorf("The training run's service is not ready: %s answered %d", readiness,
                        request.getResponseCode());
                return 1;
            }
        } catch (IOException e) {
            LOG.errorf("The training run's service did not answer %s: %s", readiness, e.getMessage());
            return 1;
        }
        String classLoadLog = System.getProperty(CLASS_LOAD_LOG);
        if (classLoadLog != null) {
            linkLoadedClasses(Path.of(classLoadLog), StartupTrainingRun.class.getClassLoader());
        }
        LOG.info("The training run's service is ready; exiting, which writes the class-data archive");
        return 0;
    }

    /**
     * JDK 17 archives only linked classes, and links only the built-in class loaders' ones before it writes the
     * archive. Quarkus's class loader also loads classes it never links: to verify another class (about a fifth of
     * Hibernate ORM's, for one), or by name. Each later start would parse those from their jars again. Reflection over
     * a class's methods links it without running its static initialiser, so listing them makes them archivable.
     *
     * @return how many classes the log named from the application's jars (each linked, unless it cannot link)
     */
    static int linkLoadedClasses(Path classLoadLog, ClassLoader applicationClassLoader) {
        Set<String> named = new HashSet<>();
        for (int pass = 0; pass < LINKING_PASSES; pass++) {
            List<String> lines;
            try {
                lines = Files.readAllLines(classLoadLog);
            } catch (IOException e) {
                LOG.warnf("The class-load log %s cannot be read (%s): classes loaded but never linked are not archived",
                        classLoadLog, e.getMessage());
                return named.size();
            }
            int before = named.size();
            for (String line : lines) {
                String className = classFromApplicationJar(line);
                if (className != null && named.add(className)) {
                    link(className, applicationClassLoader);
                }
            }
            if (named.size() == before) {
                break;
            }
        }
        LOG.infof("The training run linked the %d classes loaded from the application's jars", named.size());
        return named.size();
    }

    /**
     * The class a line of {@code -Xlog:class+load} names when it came from a jar of the packaged application (the
     * archive's own classes, the JDK's and generated ones are not of interest); null otherwise.
     */
    private static String classFromApplicationJar(String line) {
        int source = line.indexOf(" source: file:");
        int nameStart = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
        if (source < 0 || nameStart < 2 || nameStart >= source) {
            return null;
        }
        return line.substring(nameStart, source);
    }

    private static void link(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader).getDeclaredMethods();
        } catch (LinkageError | ClassNotFoundException | SecurityException e) {
            // A class that cannot link (an optional dependency missing) is left out of the archive, as before.
        }
    }
}
