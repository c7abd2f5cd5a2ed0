package news.moderation.appeals;

public enum AppealStatus {
    /** Waiting for a moderator: the appeals queue. */
    OPEN,
    /** The contested decision stands. */
    UPHELD,
    /** The contested decision was undone: a removed comment is published again, a notice is acted on. */
    REVERSED
}
