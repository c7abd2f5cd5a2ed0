package news.moderation.reports;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import news.moderation.platform.validation.NameOrId;
import news.moderation.platform.validation.PlainText;
import news.moderation.sites.SiteKeyRequired;

/** A reader flags a comment; the site's backend forwards it here. */
@SiteKeyRequired
@Path("/api/v1/comments/{id}/reports")
public class ReportResource {

    public record ReportRequest(@NotBlank @Size(max = 200) @NameOrId String reporterId,
            @NotBlank @Size(max = 500) @PlainText String reason) {
    }

    private final ReaderReports reports;

    ReportResource(ReaderReports reports) {
        this.reports = reports;
    }

    /** 201 for a new report; 200 when this reader had already reported the comment (it counts once). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("id") UUID id, @NotNull @Valid ReportRequest request) {
        ReaderReports.Outcome outcome = reports.report(id, request.reporterId(), request.reason());
        return Response.status(outcome.counted() ? Response.Status.CREATED : Response.Status.OK).entity(outcome).build();
    }
}
