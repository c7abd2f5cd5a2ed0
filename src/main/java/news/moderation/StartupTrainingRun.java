package news.moderation;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.QuarkusApplication;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * The build's class-data training run (pom.xml, {@code app-cds-training}): the packaged service starts in full, on a
 * data directory under {@code target/}, answers its readiness once, and exits. The JVM, started with
 * {@code -XX:ArchiveClassesAtExit}, records every class loaded on the way (Quarkus's boot, the embedded PostgreSQL's
 * start, the JDBC driver, Flyway, Hibernate ORM, the rules' compilation, the health checks) in the archive that later
 * starts load instead of parsing and verifying those classes again.
 */
class StartupTrainingRun implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(StartupTrainingRun.class);

    @Override
    public int run(String... args) {
        SmallRyeHealth readiness = Arc.container().instance(SmallRyeHealthReporter.class).get().getReadiness();
        if (readiness.isDown()) {
            LOG.errorf("The training run's service is not ready: %s", readiness.getPayload());
            return 1;
        }
        LOG.info("The training run's service is ready; exiting, which writes the class-data archive");
        return 0;
    }
}
