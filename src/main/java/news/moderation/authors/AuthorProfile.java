package news.moderation.authors;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;

/** What a moderator sees of an author: standing, comments by status, and the latest rejections. */
public record AuthorProfile(String siteId, String authorId, AuthorStanding standing, Instant until, String reason,
        Map<CommentStatus, Long> counts, List<Rejection> recentRejections) {

    public record Rejection(UUID commentId, String articleId, Instant createdAt, List<String> categories) {

        static Rejection of(Comment comment) {
            return new Rejection(comment.id, comment.articleId, comment.createdAt, comment.categories);
        }
    }
}
