package news.moderation.comments;

/**
 * What storing a comment needs to know of its author, answered by authors/ (which reads comments, so comments/ does
 * not call into it): whether they may comment, and whether their comments all go to review.
 */
public interface AuthorPolicy {

    /** Refuses (403, saying why) an author who may not comment now: suspended or banned. */
    void requireMayComment(String siteId, String authorId);

    /** Whether every comment of the author goes to review, whatever its verdict. */
    boolean isPremoderated(String siteId, String authorId);
}
