package news.moderation.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentView;

/** How notices are shown: to the site that sent one (its receipt and outcome), and to moderators (the queue). */
public final class NoticeViews {

    private NoticeViews() {
    }

    /** What the site tells its notifier: {@code id} is the receipt; the outcome and reply once decided. */
    public record Receipt(UUID id, UUID commentId, NoticeStatus status, Instant receivedAt, Instant decidedAt,
            String reply) {

        static Receipt of(Notice notice) {
            return new Receipt(notice.id, notice.commentId, notice.status, notice.receivedAt, notice.decidedAt,
                    notice.reply);
        }
    }

    /** A notice as moderators decide it: what the notifier said, and the comment as it stands. */
    public record Item(UUID id, String siteId, NoticeStatus status, String notifierName, String notifierEmail,
            String explanation, String legalGround, Instant receivedAt, Instant decidedAt, String decidedBy,
            String reasonCode, String reply, CommentView comment) {

        static Item of(Notice notice, Comment comment) {
            return new Item(notice.id, notice.siteId, notice.status, notice.notifierName, notice.notifierEmail,
                    notice.explanation, notice.legalGround, notice.receivedAt, notice.decidedAt, notice.decidedBy,
                    notice.reasonCode, notice.reply, CommentView.of(comment));
        }
    }

    public record Page(List<Item> items) {
    }
}
