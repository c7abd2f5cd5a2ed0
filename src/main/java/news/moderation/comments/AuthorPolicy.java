package news.moderation.comments;

import java.util.Map;
import java.util.Set;

import news.moderation.platform.errors.ClientErrorException;

/**
 * What storing a comment needs to know of its author, answered by authors/ (which reads comments, so comments/ does
 * not call into it): whether they may comment, and whether their comments all go to review.
 */
public interface AuthorPolicy {

    /** Refuses (403, saying why) an author who may not comment now: suspended or banned. */
    void requireMayComment(String siteId, String authorId);

    /** Whether every comment of the author goes to review, whatever its verdict. */
    boolean isPremoderated(String siteId, String authorId);

    /**
     * Both answers for several authors of one site with one lookup, for a batch of new comments: each author id's
     * refusal (403, saying why) when they may not comment now, and whether their comments all go to review.
     */
    Map<String, Admission> admissions(String siteId, Set<String> authorIds);

    /** May the author comment now ({@code refusal} absent), and does every comment of theirs go to review. */
    record Admission(ClientErrorException refusal, boolean premoderated) {
    }
}
