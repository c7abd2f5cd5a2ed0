package news.moderation.appeals;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import news.moderation.sites.SiteKeyRequired;

/**
 * A site's backend files its users' appeals: an author's against the removal of their comment, a notifier's against
 * a decision not to act on their notice; and reads how they were decided.
 */
@SiteKeyRequired
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    private final Appeals appeals;

    AppealResource(Appeals appeals) {
        this.appeals = appeals;
    }

    @POST
    @Path("/comments/{id}/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response byAuthor(@PathParam("id") UUID commentId, @NotNull @Valid AppealRequest request) {
        return created(appeals.fileByAuthor(commentId, request));
    }

    @POST
    @Path("/notices/{id}/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response byNotifier(@PathParam("id") UUID noticeId, @NotNull @Valid AppealRequest request) {
        return created(appeals.fileByNotifier(noticeId, request));
    }

    @GET
    @Path("/appeals/{id}")
    public AppealViews.Receipt receipt(@PathParam("id") UUID appealId) {
        return appeals.receipt(appealId);
    }

    private static Response created(AppealViews.Receipt receipt) {
        return Response.created(URI.create("/api/v1/appeals/" + receipt.id())).entity(receipt).build();
    }
}
