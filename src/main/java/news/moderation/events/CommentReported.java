package news.moderation.events;

import java.util.UUID;

/**
 * A reader reported a comment for the first time; {@code reportCount} counts distinct readers since the last decision.
 * The reader's reason is free text that may quote the author, so it stays out of the event.
 */
public record CommentReported(String siteId, UUID commentId, String authorId, String articleId, String reporterId,
        int reportCount, String status) implements DomainEvent {

    public static final String TYPE = "comment.reported";

    @Override
    public String type() {
        return TYPE;
    }
}
