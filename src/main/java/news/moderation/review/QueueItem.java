package news.moderation.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.moderation.authors.AuthorStanding;
import news.moderation.comments.CommentStatus;
import news.moderation.comments.CommentView;

/** A comment as a moderator sees it in the queue. {@code version} is what a decision must quote. */
public record QueueItem(CommentView comment, int version, int reportCount, AuthorStanding authorStanding,
        String claimedBy, Instant claimExpiresAt) {

    /** {@code nextCursor} is absent on the last page. */
    public record Page(List<QueueItem> items, Map<CommentStatus, Long> counts,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }
}
