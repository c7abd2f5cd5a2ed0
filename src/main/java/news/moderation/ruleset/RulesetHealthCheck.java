package news.moderation.ruleset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import news.moderation.engine.RulesetReloader;

/**
 * Ready once a ruleset serves. A refused rule change keeps the old ruleset serving, so it stays up, but the error is
 * in the details for whoever changed the files.
 */
@Readiness
@Startup
@ApplicationScoped
public class RulesetHealthCheck implements HealthCheck {

    private final RulesetService rulesets;

    RulesetHealthCheck(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public HealthCheckResponse call() {
        RulesetReloader.Status status = rulesets.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ruleset").up()
                .withData("version", status.version())
                .withData("loadedAt", status.loadedAt().toString());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError())
                    .withData("lastErrorAt", status.lastErrorAt().toString());
        }
        return response.build();
    }
}
