package news.moderation.notices;

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

/** A site's backend forwards a notice of illegal content about one of its comments, and reads its outcome. */
@SiteKeyRequired
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final Notices notices;

    NoticeResource(Notices notices) {
        this.notices = notices;
    }

    /** 201 at once with the receipt ({@code id}); the decision follows as a notice.decided event. */
    @POST
    @Path("/comments/{id}/notices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response notice(@PathParam("id") UUID commentId, @NotNull @Valid NoticeRequest request) {
        NoticeViews.Receipt receipt = notices.receive(commentId, request);
        return Response.created(URI.create("/api/v1/notices/" + receipt.id())).entity(receipt).build();
    }

    @GET
    @Path("/notices/{id}")
    public NoticeViews.Receipt receipt(@PathParam("id") UUID noticeId) {
        return notices.receipt(noticeId);
    }
}
