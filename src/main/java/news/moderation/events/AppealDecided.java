package news.moderation.events;

import java.util.UUID;

/**
 * A moderator decided an appeal: {@code outcome} {@code UPHELD} (the contested decision stands) or {@code REVERSED}
 * (a removed comment is published again; a notice is acted on after all). {@code note} is the moderator's reasoned
 * reply for the appellant, which the site passes on (an erasure of the comment's author blanks it).
 */
public record AppealDecided(String siteId, UUID commentId, String authorId, UUID appealId, String appellant,
        UUID noticeId, String outcome, String actor, String note) implements DomainEvent {

    public static final String TYPE = "appeal.decided";

    public static final String UPHELD = "UPHELD";
    public static final String REVERSED = "REVERSED";

    @Override
    public String type() {
        return TYPE;
    }
}
