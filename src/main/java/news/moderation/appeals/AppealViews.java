package news.moderation.appeals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.moderation.comments.Comment;
import news.moderation.comments.CommentView;

/** How appeals are shown: to the site that filed one, and to moderators (the queue). */
public final class AppealViews {

    private AppealViews() {
    }

    /** What the site tells its appellant: the appeal's state, and the reply once decided. */
    public record Receipt(UUID id, UUID commentId, Appellant appellant, UUID noticeId, AppealStatus status,
            Instant filedAt, Instant decidedAt, String reply) {

        static Receipt of(Appeal appeal) {
            return new Receipt(appeal.id, appeal.commentId, appeal.appellant, appeal.noticeId, appeal.status,
                    appeal.filedAt, appeal.decidedAt, appeal.reply);
        }
    }

    /** An appeal as moderators decide it: the complaint, the contested decision, and the comment as it stands. */
    public record Item(UUID id, String siteId, Appellant appellant, UUID noticeId, String reason, String contestedBy,
            Instant contestedAt, List<String> ruleIds, AppealStatus status, Instant filedAt, Instant decidedAt,
            String decidedBy, String reply, CommentView comment) {

        static Item of(Appeal appeal, Comment comment) {
            return new Item(appeal.id, appeal.siteId, appeal.appellant, appeal.noticeId, appeal.reason,
                    appeal.contestedBy, appeal.contestedAt, appeal.ruleIds, appeal.status, appeal.filedAt,
                    appeal.decidedAt, appeal.decidedBy, appeal.reply, CommentView.of(comment));
        }
    }

    public record Page(List<Item> items) {
    }
}
