package news.moderation.events;

import java.util.List;
import java.util.UUID;

/**
 * A judged comment's status changed: a moderator decided (on the comment, on a notice about it or on an appeal), or
 * enough readers reported it. The machine's view of the
 * comment at that time (decision, matched rules, ruleset) comes along, so that a consumer can tell when a moderator
 * overturned the machine.
 */
public record CommentStatusChanged(String siteId, UUID commentId, String authorId, String articleId, Cause cause,
        String actor, String fromStatus, String toStatus, String reasonCode, String note, String machineDecision,
        List<String> ruleIds, String rulesetVersion) implements DomainEvent {

    public static final String TYPE = "comment.status_changed";

    public enum Cause {
        MODERATOR_DECISION,
        READERS_REPORTS,
        /** A moderator acted on a notice of illegal content (NoticeDecided follows with the notice). */
        NOTICE_DECISION,
        /** A moderator reversed a decision on appeal (AppealDecided follows with the appeal). */
        APPEAL_DECISION
    }

    @Override
    public String type() {
        return TYPE;
    }
}
