package news.moderation.review;

public enum QueueSort {
    OLDEST,
    NEWEST,
    /** Highest severity first, then oldest. */
    SEVERITY
}
