package news.moderation.appeals;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import news.moderation.platform.validation.NameOrId;

/** The appeals queue and moderators' decisions on appeals. */
@Path("/api/v1/moderation/appeals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "moderator", "admin" })
public class AppealModerationResource {

    private final Appeals appeals;
    private final JsonWebToken caller;

    AppealModerationResource(Appeals appeals, JsonWebToken caller) {
        this.appeals = appeals;
        this.caller = caller;
    }

    /** Oldest first; by default the open appeals. */
    @GET
    public AppealViews.Page queue(@QueryParam("status") @DefaultValue("OPEN") AppealStatus status,
            @QueryParam("siteId") @Size(max = 200) @NameOrId String siteId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return appeals.queue(status, siteId, limit);
    }

    @GET
    @Path("/{id}")
    public AppealViews.Item item(@PathParam("id") UUID id) {
        return appeals.item(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppealViews.Item decide(@PathParam("id") UUID id, @NotNull @Valid AppealDecisionRequest decision) {
        return appeals.decide(id, decision, caller.getName());
    }
}
