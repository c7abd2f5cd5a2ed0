package news.moderation.comments;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import news.moderation.sites.SiteKeyRequired;

@SiteKeyRequired
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;

    CommentResource(CommentService comments) {
        this.comments = comments;
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull @Valid SubmitCommentRequest request,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+",
                    message = "must be printable ASCII without spaces") String idempotencyKey) {
        CommentService.Submission submission = comments.submit(request, Optional.ofNullable(idempotencyKey));
        Comment comment = submission.comment();
        return Response.created(URI.create("/api/v1/comments/" + comment.id))
                .entity(CommentView.of(comment))
                .header("Idempotent-Replayed", submission.created() ? null : "true")
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
