package news.moderation.comments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A comment on an article's public thread: what readers see, without the moderation details. */
public record PublishedCommentView(UUID id, UUID parentId, String authorId, String authorName, String body,
        int revision, Instant createdAt) {

    /**
     * {@code revision}: the revision shown, the latest published one; {@code body}: its body, or its masked form where
     * the site asks for masking.
     */
    static PublishedCommentView of(Comment comment, int revision, String body) {
        return new PublishedCommentView(comment.id, comment.parentId, comment.authorId, comment.authorName, body,
                revision, comment.createdAt);
    }

    /** One page of a thread; {@code nextCursor} is absent on the last page. */
    public record Page(List<PublishedCommentView> items,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
    }
}
