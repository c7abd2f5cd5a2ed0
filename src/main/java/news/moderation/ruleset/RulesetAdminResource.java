package news.moderation.ruleset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import news.moderation.engine.ReloadOutcome;
import news.moderation.engine.RulesetReloader;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.platform.errors.Problem;

/** For admins: which ruleset serves, since when, what it holds, the last refused change; and a reload trigger. */
@Path("/api/v1/admin/ruleset")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RulesetAdminResource {

    private final RulesetService rulesets;

    RulesetAdminResource(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    @GET
    public RulesetReloader.Status status() {
        return rulesets.status();
    }

    /** Reloads now instead of at the next check; a ruleset that fails to load is refused and the old one serves on. */
    @POST
    @Path("/reload")
    public RulesetReloader.Status reload() {
        if (rulesets.reload() == ReloadOutcome.FAILED) {
            throw new ClientErrorException(Problem.UNPROCESSABLE,
                    "The rules were not loaded, the previous ruleset keeps serving: " + rulesets.status().lastError());
        }
        return rulesets.status();
    }
}
