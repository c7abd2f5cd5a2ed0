package news.moderation.engine;

/** What the service does with a comment; ordered from most lenient to strictest. */
public enum Decision {
    ALLOW, REVIEW, REJECT;

    public Decision stricter(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
