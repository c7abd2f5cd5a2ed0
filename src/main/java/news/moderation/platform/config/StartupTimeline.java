package news.moderation.platform.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Marks, on {@link StartupClock}'s clock, the end of Quarkus's runtime initialisation (Flyway's migration, then
 * Hibernate ORM's start) as the first observer of the start-up event, before the start-up beans (the ruleset) are
 * created, and the end of those as the last; HTTP, and so readiness, opens right after.
 */
@Singleton
class StartupTimeline {

    private static final Logger LOG = Logger.getLogger(StartupTimeline.class);

    void runtimeInitialised(@Observes @Priority(Integer.MIN_VALUE) StartupEvent event) {
        LOG.infof("Start-up: Flyway and Hibernate ORM started, %d ms after the JVM started",
                StartupClock.sinceJvmStart());
    }

    void startupBeansCreated(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        LOG.infof("Start-up: the start-up beans are created, %d ms after the JVM started; HTTP opens next",
                StartupClock.sinceJvmStart());
    }
}
