package news.moderation.notices;

public enum NoticeStatus {
    /** Waiting for a moderator: the notices queue. */
    RECEIVED,
    /** A moderator removed the comment as illegal content. */
    ACTED,
    /** A moderator decided not to act; the notifier may appeal. */
    NO_ACTION
}
