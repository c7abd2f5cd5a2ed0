package news.moderation.comments;

import news.moderation.engine.Decision;

public enum CommentStatus {
    PUBLISHED,
    PENDING_REVIEW,
    REJECTED;

    /** Where the engine's verdict puts a new comment before any moderator has seen it. */
    public static CommentStatus after(Decision decision) {
        return switch (decision) {
            case ALLOW -> PUBLISHED;
            case REVIEW -> PENDING_REVIEW;
            case REJECT -> REJECTED;
        };
    }
}
