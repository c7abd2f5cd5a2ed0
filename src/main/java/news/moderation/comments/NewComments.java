package news.moderation.comments;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import news.moderation.engine.Verdict;
import news.moderation.platform.errors.ClientErrorException;

/**
 * What a new comment must pass before it is stored, and the row it becomes: its author may comment, its parent is a
 * comment of the same site and article, and its status follows from the verdict and the author's standing. Needs a
 * transaction (it reads the author's standing and the parent); stores nothing.
 */
@ApplicationScoped
class NewComments {

    private final AuthorPolicy authors;

    NewComments(AuthorPolicy authors) {
        this.authors = authors;
    }

    /** @throws ClientErrorException 403 for an author who may not comment, 422 for a parent on another article */
    Comment admit(SubmitCommentRequest request, Verdict verdict, String siteId, String idempotencyKey,
            String requestHash) {
        authors.requireMayComment(siteId, request.authorId());
        if (request.parentId() != null) {
            Comment parent = Comment.findById(request.parentId());
            // Another site's comment answers as one that does not exist: its existence is not confirmed.
            if (parent == null || !parent.siteId.equals(siteId) || !parent.articleId.equals(request.articleId())) {
                throw ClientErrorException.unprocessable("parentId", "must be a comment on the same article");
            }
        }
        Comment comment = new Comment();
        comment.id = UUID.randomUUID();
        comment.articleId = request.articleId();
        comment.authorId = request.authorId();
        comment.authorName = request.authorName();
        comment.parentId = request.parentId();
        comment.body = request.body();
        comment.lang = request.lang();
        comment.siteId = siteId;
        CommentService.judged(comment, verdict, authors.isPremoderated(siteId, request.authorId()));
        // PostgreSQL keeps microseconds; truncating here makes the 201 body equal to what a later GET returns.
        comment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        comment.idempotencyKey = idempotencyKey;
        comment.requestHash = idempotencyKey == null ? null : requestHash;
        return comment;
    }
}
