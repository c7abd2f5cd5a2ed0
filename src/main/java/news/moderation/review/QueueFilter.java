package news.moderation.review;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import news.moderation.comments.CommentStatus;
import news.moderation.platform.validation.PlainText;

/** What the queue shows; absent fields do not filter. Without a status, the queue is what waits for a moderator. */
public class QueueFilter {

    @QueryParam("status")
    public CommentStatus status;

    /** Within the moderator's sites; another site's gives an empty queue. */
    @QueryParam("siteId")
    @Size(max = 200)
    @PlainText
    public String siteId;

    @QueryParam("category")
    @Pattern(regexp = "[a-z_]{1,40}", message = "must be a category such as obscene or personal_attack")
    public String category;

    @QueryParam("articleId")
    @Size(max = 200)
    public String articleId;

    @QueryParam("authorId")
    @Size(max = 200)
    public String authorId;

    /** Created at or after. */
    @QueryParam("from")
    public Instant from;

    /** Created before. */
    @QueryParam("to")
    public Instant to;
}
