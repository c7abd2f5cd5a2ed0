package news.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.moderation.platform.database.RestartablePostgresResource;

/**
 * The build's class-data training run exits 0 only from a service that is ready (database and ruleset), so the
 * archive records a whole start and a start that did not get there fails the build.
 */
@QuarkusTest
@WithTestResource(RestartablePostgresResource.class)
class StartupTrainingRunTest {

    @AfterEach
    void databaseBack() {
        RestartablePostgresResource.startServer();
    }

    @Test
    void aReadyServiceEndsTheTrainingRunWithZero() {
        assertEquals(0, new StartupTrainingRun().run());
    }

    @Test
    void aServiceWhoseDatabaseIsDownEndsItWithOne() {
        RestartablePostgresResource.stopServer();

        assertEquals(1, new StartupTrainingRun().run());
    }
}
