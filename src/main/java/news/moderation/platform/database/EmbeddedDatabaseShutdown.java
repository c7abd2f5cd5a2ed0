package news.moderation.platform.database;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Stops the embedded database after the HTTP layer has drained its in-flight requests (and after the shutdown delay,
 * while readiness is already DOWN but requests are still served), so that no request loses its database mid-way; a
 * fast shutdown with its checkpoint, so the next start has nothing to recover. In dev mode a live reload also fires
 * the event, so there the JVM exit stops it.
 */
@Singleton
class EmbeddedDatabaseShutdown {

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedDatabase.stopWithApplication();
        }
    }

    void onShutdown(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedDatabase.stop();
        }
    }
}
