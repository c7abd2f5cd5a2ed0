package news.moderation.comments;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.moderation.ruleset.VerdictView;

/** A stored comment as its submitter sees it: with its status and the verdict's reasons. */
public record CommentView(UUID id, String siteId, String articleId, String authorId, String authorName, UUID parentId,
        String body, String lang, CommentStatus status, Instant createdAt, int revision,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant revisedAt, VerdictView verdict) {

    /** The comment's latest revision: {@code body}, {@code status} and {@code verdict} are of {@code revision}. */
    public static CommentView of(Comment comment) {
        return new CommentView(comment.id, comment.siteId, comment.articleId, comment.authorId, comment.authorName,
                comment.parentId, comment.body, comment.lang, comment.status, comment.createdAt, comment.revision,
                comment.revisedAt, comment.verdict());
    }
}
