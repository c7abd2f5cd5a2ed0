package news.moderation.events;

import java.util.UUID;

/**
 * A notice of illegal content (DSA Art. 16) about a comment was received; {@code noticeId} is the receipt the notifier
 * was given. Who sent it and what they wrote stay out of the event (the site knows its notifier by the receipt).
 */
public record NoticeReceived(String siteId, UUID commentId, String authorId, UUID noticeId) implements DomainEvent {

    public static final String TYPE = "notice.received";

    @Override
    public String type() {
        return TYPE;
    }
}
