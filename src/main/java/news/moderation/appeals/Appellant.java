package news.moderation.appeals;

public enum Appellant {
    /** The comment's author, against its removal. */
    AUTHOR,
    /** A notifier, against a decision not to act on their notice. */
    NOTIFIER
}
