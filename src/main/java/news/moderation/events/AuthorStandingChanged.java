package news.moderation.events;

import java.time.Instant;
import java.util.UUID;

/** An author's standing changed, by a moderator or by the automatic pre-moderation ({@code actor} "system"). */
public record AuthorStandingChanged(String siteId, String authorId, String fromStanding, String toStanding,
        Instant until, String actor, String reason) implements DomainEvent {

    public static final String TYPE = "author.standing_changed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID commentId() {
        return null;
    }
}
