package news.moderation.comments;

import news.moderation.engine.Decision;

public enum CommentStatus {
    PUBLISHED,
    PENDING_REVIEW,
    /** Published, then reported by enough readers: back in the queue. */
    REPORTED,
    REJECTED;

    /** Waiting for a moderator. */
    public boolean inQueue() {
        return this == PENDING_REVIEW || this == REPORTED;
    }

    /** Where the engine's verdict puts a new comment before any moderator has seen it. */
    public static CommentStatus after(Decision decision) {
        return switch (decision) {
            case ALLOW -> PUBLISHED;
            case REVIEW -> PENDING_REVIEW;
            case REJECT -> REJECTED;
        };
    }
}
