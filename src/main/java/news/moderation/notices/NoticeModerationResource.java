package news.moderation.notices;

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

/** The notices queue and moderators' decisions on notices. */
@Path("/api/v1/moderation/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "moderator", "admin" })
public class NoticeModerationResource {

    private final Notices notices;
    private final JsonWebToken caller;

    NoticeModerationResource(Notices notices, JsonWebToken caller) {
        this.notices = notices;
        this.caller = caller;
    }

    /** Oldest first; by default the notices waiting for a decision. */
    @GET
    public NoticeViews.Page queue(@QueryParam("status") @DefaultValue("RECEIVED") NoticeStatus status,
            @QueryParam("siteId") @Size(max = 200) @NameOrId String siteId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return notices.queue(status, siteId, limit);
    }

    @GET
    @Path("/{id}")
    public NoticeViews.Item item(@PathParam("id") UUID id) {
        return notices.item(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public NoticeViews.Item decide(@PathParam("id") UUID id, @NotNull @Valid NoticeDecisionRequest decision) {
        return notices.decide(id, decision, caller.getName());
    }
}
