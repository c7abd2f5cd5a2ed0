package news.moderation.workbench;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;


/** For admins: try a rule change on the stored comments of a period before it goes live (docs/rules.md). */
@Path("/api/v1/admin/ruleset/preview")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RulesetPreviewResource {

    private final RulesetPreviews previews;

    RulesetPreviewResource(RulesetPreviews previews) {
        this.previews = previews;
    }

    /** 202 with the job and its {@code Location}; a candidate a reload would refuse is a 422 at once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@NotNull @Valid PreviewRequest request, @Context UriInfo uri) {
        PreviewJob job = previews.start(request);
        URI location = uri.getAbsolutePathBuilder().path(job.id().toString()).build();
        return Response.accepted(job.view()).location(location).build();
    }

    @GET
    @Path("/{id}")
    public PreviewJob.View status(@PathParam("id") UUID id) {
        return job(id).view();
    }

    /** Cancels a queued or running preview (it stops at its next batch); a finished one is left as it is. */
    @DELETE
    @Path("/{id}")
    public PreviewJob.View cancel(@PathParam("id") UUID id) {
        PreviewJob job = job(id);
        job.cancel();
        return job.view();
    }

    private PreviewJob job(UUID id) {
        return previews.find(id).orElseThrow(() -> new NotFoundException("No ruleset preview " + id
                + " on this instance"));
    }
}
