package news.moderation.events;

import java.util.List;
import java.util.UUID;

/**
 * Something that happened in a comment's or an author's life, recorded in the outbox (table domain_event) in the
 * transaction of the change itself. Payloads name what happened, never what a reader wrote: no body, no author name,
 * no excerpt, so that an erasure leaves nothing of the author's words in the outbox or in webhook deliveries.
 * <p>
 * Event types of later features join this list as new records.
 */
public sealed interface DomainEvent
        permits CommentJudged, CommentStatusChanged, CommentReported, AuthorStandingChanged, AuthorErased,
        NoticeReceived, NoticeDecided, AppealFiled, AppealDecided {

    /** The name of each event type, as webhooks subscribe to it and deliver it. */
    List<String> TYPES = List.of(CommentJudged.TYPE, CommentStatusChanged.TYPE, CommentReported.TYPE,
            AuthorStandingChanged.TYPE, AuthorErased.TYPE,
            NoticeReceived.TYPE, NoticeDecided.TYPE, AppealFiled.TYPE, AppealDecided.TYPE);

    /** The actor of what the service itself did, such as the machine's verdict or an automatic pre-moderation. */
    String SYSTEM = "system";
    /** The actor of what enough readers' reports did. */
    String READERS = "readers";

    String type();

    String siteId();

    String authorId();

    /** The comment it is about; absent for an event about an author. */
    UUID commentId();
}
