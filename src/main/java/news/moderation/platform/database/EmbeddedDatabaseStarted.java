package news.moderation.platform.database;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.configuration.ConfigurationException;
import news.moderation.platform.config.StartupFailure;

/**
 * Holds back the application's first connection, Flyway's migration at start, until the embedded PostgreSQL that
 * {@code main} started in parallel with Quarkus's boot accepts connections. Flyway creates its configuration just before
 * it migrates and before anything else connects (Hibernate validates the schema after the migration).
 */
@Singleton
class EmbeddedDatabaseStarted implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        try {
            EmbeddedDatabase.awaitStarted();
        } catch (StartupFailure e) {
            // Quarkus prints a ConfigurationException's message alone, as main prints its start-up failures.
            throw new ConfigurationException("ERROR: the service cannot start. " + e.getMessage());
        }
    }
}
