package news.moderation.events;

import java.util.List;
import java.util.UUID;

/**
 * A judged comment's status changed: a moderator decided, or enough readers reported it. The machine's view of the
 * comment at that time (decision, matched rules, ruleset) comes along, so that a consumer can tell when a moderator
 * overturned the machine.
 */
public record CommentStatusChanged(String siteId, UUID commentId, String authorId, String articleId, Cause cause,
        String actor, String fromStatus, String toStatus, String reasonCode, String note, String machineDecision,
        List<String> ruleIds, String rulesetVersion) implements DomainEvent {

    public static final String TYPE = "comment.status_changed";

    public enum Cause {
        MODERATOR_DECISION,
        READERS_REPORTS
    }

    @Override
    public String type() {
        return TYPE;
    }
}
