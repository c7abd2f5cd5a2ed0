package news.moderation.comments;

import java.time.Instant;
import java.util.UUID;

import news.moderation.ruleset.VerdictView;

/** A stored comment as its submitter sees it: with its status and the verdict's reasons. */
public record CommentView(UUID id, String siteId, String articleId, String authorId, String authorName, UUID parentId, String body,
        String lang, CommentStatus status, Instant createdAt, VerdictView verdict) {

    public static CommentView of(Comment comment) {
        return new CommentView(comment.id, comment.siteId, comment.articleId, comment.authorId, comment.authorName, comment.parentId,
                comment.body, comment.lang, comment.status, comment.createdAt, comment.verdict());
    }
}
