package news.moderation.comments;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import news.moderation.sites.SiteKeyRequired;

@SiteKeyRequired
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;

    CommentResource(CommentService comments) {
        this.comments = comments;
    }

    /**
     * Without an Idempotency-Key a submission runs on the event loop and holds no thread while its batch commits: it
     * is answered from there once committed. With one, the key is looked up in the database first, which blocks, so
     * that submission runs on a worker thread.
     */
    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(@NotNull @Valid SubmitCommentRequest request,
            @HeaderParam("Idempotency-Key") @IdempotencyKey String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().completionStage(() -> comments.submit(request))
                    .map(comment -> created(comment, true));
        }
        return Uni.createFrom().item(() -> comments.submit(request, idempotencyKey))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(submission -> created(submission.comment(), submission.created()));
    }

    private static Response created(Comment comment, boolean created) {
        return Response.created(URI.create("/api/v1/comments/" + comment.id))
                .entity(CommentView.of(comment))
                .header("Idempotent-Replayed", created ? null : "true")
                .build();
    }

    /** Its author edits the comment: a new revision, judged. */
    @PUT
    @Path("/comments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CommentView edit(@PathParam("id") UUID id, @NotNull @Valid EditCommentRequest request) {
        return CommentView.of(comments.edit(id, request));
    }

    @GET
    @Path("/comments/{id}")
    public CommentView get(@PathParam("id") UUID id) {
        return CommentView.of(comments.find(id));
    }

    @GET
    @Path("/articles/{articleId}/comments")
    public PublishedCommentView.Page thread(@PathParam("articleId") @Size(max = 200) String articleId,
            @QueryParam("cursor") @Size(max = 100) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return comments.publishedPage(articleId, cursor, limit);
    }
}
