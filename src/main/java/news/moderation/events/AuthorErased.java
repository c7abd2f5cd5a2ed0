package news.moderation.events;

import java.util.UUID;

/** An author's comments and words were erased on request; their statuses and ids stay. */
public record AuthorErased(String siteId, String authorId, String actor, long commentsErased) implements DomainEvent {

    public static final String TYPE = "author.erased";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID commentId() {
        return null;
    }
}
