package news.moderation.events;

import java.util.UUID;

/**
 * A moderator decided on a notice of illegal content: {@code outcome} is {@code ACTED} (the comment was removed, on
 * {@code legalGround}) or {@code NO_ACTION}. {@code note} is the moderator's reasoned reply for the notifier, which
 * the site passes on (an erasure of the comment's author blanks it, as it blanks moderators' notes).
 */
public record NoticeDecided(String siteId, UUID commentId, String authorId, UUID noticeId, String outcome,
        String actor, String reasonCode, String legalGround, String note) implements DomainEvent {

    public static final String TYPE = "notice.decided";

    public static final String ACTED = "ACTED";
    public static final String NO_ACTION = "NO_ACTION";

    @Override
    public String type() {
        return TYPE;
    }
}
