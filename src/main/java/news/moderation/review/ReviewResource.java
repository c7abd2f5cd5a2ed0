package news.moderation.review;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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

import news.moderation.comments.CommentRevisionView;
import news.moderation.review.Decisions.BulkItem;

@Path("/api/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "moderator", "admin" })
public class ReviewResource {

    public record ClaimRequest(@NotNull @Min(1) @Max(100) Integer limit) {
    }

    public record BulkRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid BulkItem> decisions) {
    }

    public record BulkResponse(List<Decisions.BulkResult> results) {
    }

    private final ReviewQueue queue;
    private final Decisions decisions;
    private final JsonWebToken caller;

    ReviewResource(ReviewQueue queue, Decisions decisions, JsonWebToken caller) {
        this.queue = queue;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/queue")
    public QueueItem.Page queue(@Valid @BeanParam QueueFilter filter,
            @QueryParam("sort") @DefaultValue("OLDEST") QueueSort sort,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return queue.page(filter, sort, cursor, limit);
    }

    @POST
    @Path("/queue/claim")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<QueueItem> claim(@NotNull @Valid ClaimRequest request) {
        return queue.claim(caller.getName(), request.limit());
    }

    /** One comment as the queue shows it, whatever its status: to reload an item after a conflict. */
    @GET
    @Path("/comments/{id}")
    public QueueItem item(@PathParam("id") UUID id) {
        return queue.item(id);
    }

    @POST
    @Path("/comments/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueItem decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest decision) {
        return decisions.decide(id, decision, caller.getName());
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResponse decideAll(@NotNull @Valid BulkRequest request) {
        return new BulkResponse(decisions.decideAll(request.decisions(), caller.getName()));
    }

    @GET
    @Path("/comments/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return queue.history(id);
    }

    @GET
    @Path("/comments/{id}/revisions")
    public List<CommentRevisionView> revisions(@PathParam("id") UUID id) {
        return queue.revisions(id);
    }
}
