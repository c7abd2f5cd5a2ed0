package news.moderation.review;

import news.moderation.comments.CommentStatus;

public enum DecisionAction {
    APPROVE(CommentStatus.PUBLISHED),
    REJECT(CommentStatus.REJECTED);

    final CommentStatus resultingStatus;

    DecisionAction(CommentStatus resultingStatus) {
        this.resultingStatus = resultingStatus;
    }
}
