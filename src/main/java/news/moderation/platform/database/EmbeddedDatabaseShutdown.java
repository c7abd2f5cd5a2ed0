package news.moderation.platform.database;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Stops the embedded database after the HTTP layer has drained its in-flight requests, so that no answered request
 * loses its database mid-way. In dev mode a live reload also fires the event, so there the JVM exit stops it.
 */
@Singleton
class EmbeddedDatabaseShutdown {

    void onShutdown(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            EmbeddedDatabase.stop();
        }
    }
}
