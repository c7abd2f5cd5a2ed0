package news.moderation.events;

import java.util.List;
import java.util.UUID;

/**
 * The engine judged a comment: a new one ({@code fromStatus} absent), a new revision its author wrote
 * ({@code edited}), or one still waiting for a moderator, again, after a ruleset change ({@code rejudged}; its text is
 * unchanged). {@code status} is where the verdict and the author's standing put it; {@code revision} is the revision
 * judged, the comment's latest.
 */
public record CommentJudged(String siteId, UUID commentId, String authorId, String articleId, String fromStatus,
        String status, String decision, List<String> categories, List<String> ruleIds, String rulesetVersion,
        boolean edited, int revision, boolean rejudged) implements DomainEvent {

    public static final String TYPE = "comment.judged";

    @Override
    public String type() {
        return TYPE;
    }
}
