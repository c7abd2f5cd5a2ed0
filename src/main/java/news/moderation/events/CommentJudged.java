package news.moderation.events;

import java.util.List;
import java.util.UUID;

/**
 * The engine judged a comment: a new one ({@code fromStatus} absent) or one its author edited. {@code status} is where
 * the verdict and the author's standing put it.
 */
public record CommentJudged(String siteId, UUID commentId, String authorId, String articleId, String fromStatus,
        String status, String decision, List<String> categories, List<String> ruleIds, String rulesetVersion,
        boolean edited) implements DomainEvent {

    public static final String TYPE = "comment.judged";

    @Override
    public String type() {
        return TYPE;
    }
}
