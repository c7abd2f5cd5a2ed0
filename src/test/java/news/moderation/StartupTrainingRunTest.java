package news.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Lines as JDK 17 writes them: only classes read from a jar are linked (the archive's own, the JDK's and
     * generated ones are not), and linking one does not run its static initialiser, which could act on the world.
     */
    @Test
    void theClassesLoadedFromJarsAreLinkedWithoutRunningTheirStaticInitialisers(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("class-load.log");
        Files.write(log, List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.020s][info][class,load] java.sql.Driver source: jrt:/java.sql",
                "[1.234s][info][class,load] " + NeverInitialised.class.getName()
                        + " source: file:/app/lib/main/some-library.jar",
                "[1.240s][info][class,load] no.such.Clazz source: file:/app/lib/main/some-library.jar",
                "[1.250s][info][class,load] some.Lambda$$Lambda$1/0x123 source: __JVM_LookupDefineClass__"));

        int linked = StartupTrainingRun.linkLoadedClasses(log, getClass().getClassLoader());

        assertEquals(2, linked, "the two classes named from a jar, the one that does not exist included");
        assertFalse(NEVER_INITIALISED_RAN.get(), "linking ran the static initialiser");
    }

    /** Outside the class: reading a field of the class itself would initialise it. */
    private static final AtomicBoolean NEVER_INITIALISED_RAN = new AtomicBoolean();

    static class NeverInitialised {
        static {
            NEVER_INITIALISED_RAN.set(true);
        }

        void aMethodToReflectOn() {
        }
    }

    @Test
    void aServiceWhoseDatabaseIsDownEndsItWithOne() {
        RestartablePostgresResource.stopServer();

        assertEquals(1, new StartupTrainingRun().run());
    }
}
