package news.moderation.platform.database;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Ready only while the database accepts new connections. A pooled connection can still answer while PostgreSQL
 * refuses new ones (a smart shutdown, a restart in progress), so the check opens a new connection and validates it
 * with a real round trip, bounded by {@code quarkus.datasource.jdbc.login-timeout} and
 * {@code validation-query-timeout}.
 */
@Readiness
@ApplicationScoped
class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "database";

    private final AgroalDataSource dataSource;

    DatabaseReadinessCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return dataSource.isHealthy(true) ? HealthCheckResponse.up(NAME)
                    : HealthCheckResponse.named(NAME).down().withData("reason", "a new connection did not validate")
                            .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
