package news.moderation.events;

import java.util.UUID;

/**
 * An appeal (DSA Art. 20) against a decision on a comment was filed: by its author ({@code appellant} AUTHOR, against
 * its removal) or by a notifier (NOTIFIER, against a decision not to act on {@code noticeId}). {@code contestedBy} made
 * the contested decision ("system" for the machine). The appellant's reason stays out of the event.
 */
public record AppealFiled(String siteId, UUID commentId, String authorId, UUID appealId, String appellant,
        UUID noticeId, String contestedBy) implements DomainEvent {

    public static final String TYPE = "appeal.filed";

    @Override
    public String type() {
        return TYPE;
    }
}
