package news.moderation.authors;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import news.moderation.audit.AuditAction;
import news.moderation.audit.AuditLog;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;

/** Authors' standing: who may comment, whose comments always go to review, and what each author has written. */
@ApplicationScoped
public class AuthorService {

    static final String ERASED_NAME = "[erased]";

    private final AuditLog audit;
    private final ModerationConfig.Authors settings;

    AuthorService(AuditLog audit, ModerationConfig config) {
        this.audit = audit;
        this.settings = config.authors();
    }

    public AuthorStanding standing(String authorId) {
        return Author.<Author>findByIdOptional(authorId).map(a -> a.effectiveStanding(Instant.now()))
                .orElse(AuthorStanding.ACTIVE);
    }

    /**
     * The standing of an author who submits a comment; a suspended or banned author is refused with a problem answer
     * that says why.
     */
    public AuthorStanding standingToComment(String authorId) {
        Optional<Author> author = Author.findByIdOptional(authorId);
        AuthorStanding standing = author.map(a -> a.effectiveStanding(Instant.now())).orElse(AuthorStanding.ACTIVE);
        if (standing == AuthorStanding.SUSPENDED || standing == AuthorStanding.BANNED) {
            String until = author.get().until == null ? "" : " until " + author.get().until;
            throw new ClientErrorException(Response.Status.FORBIDDEN,
                    "Author " + authorId + " is " + standing.name().toLowerCase() + until + " and may not comment");
        }
        return standing;
    }

    /** After a rejection: an author with too many recent ones is put under pre-moderation, in the audit trail. */
    public void afterRejection(String authorId) {
        if (standing(authorId) != AuthorStanding.ACTIVE) {
            return;
        }
        Instant since = Instant.now().minus(settings.rejectionWindow());
        long rejections = Comment.count("authorId = ?1 and status = ?2 and createdAt >= ?3", authorId,
                CommentStatus.REJECTED, since);
        if (rejections >= settings.premoderateAfterRejections()) {
            change(authorId, AuthorStanding.PREMODERATED, null,
                    rejections + " rejected comments within " + settings.rejectionWindow().toDays() + " days",
                    AuditLog.SYSTEM);
        }
    }

    @Transactional
    public AuthorProfile setStanding(String authorId, AuthorStanding standing, Instant until, String reason,
            String moderator) {
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(Instant.now())) {
            throw ClientErrorException.unprocessable("until", "must be in the future");
        }
        change(authorId, standing, standing == AuthorStanding.SUSPENDED ? until : null, reason, moderator);
        return profile(authorId);
    }

    @Transactional
    public AuthorProfile profile(String authorId) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, Comment.count("authorId = ?1 and status = ?2", authorId, status));
        }
        List<AuthorProfile.Rejection> recent = Comment.<Comment>find(
                "authorId = ?1 and status = ?2 order by createdAt desc", authorId, CommentStatus.REJECTED)
                .page(0, 10).list().stream().map(AuthorProfile.Rejection::of).toList();
        Optional<Author> author = Author.findByIdOptional(authorId);
        return new AuthorProfile(authorId, standing(authorId), author.map(a -> a.until).orElse(null),
                author.map(a -> a.reason).orElse(null), counts, recent);
    }

    /**
     * Honours a deletion request: the author's comment bodies and names are erased; statuses, verdict categories and
     * the audit trail stay, so counts remain, tied only to the site's opaque author id.
     */
    @Transactional
    public long erase(String authorId, String admin) {
        List<Comment> comments = Comment.list("authorId", authorId);
        for (Comment comment : comments) {
            comment.body = "";
            comment.authorName = ERASED_NAME;
            // Excerpts are the author's words too; which rules matched where stays, for the stats.
            comment.matches = comment.matches.stream().map(m -> m.withoutExcerpt()).toList();
        }
        long erased = comments.size();
        audit.authorChanged(authorId, admin, AuditAction.AUTHOR_ERASED, null, null, erased + " comments erased");
        return erased;
    }

    private void change(String authorId, AuthorStanding standing, Instant until, String reason, String actor) {
        Author author = Author.<Author>findByIdOptional(authorId).orElseGet(() -> {
            Author created = new Author();
            created.authorId = authorId;
            created.standing = AuthorStanding.ACTIVE;
            return created;
        });
        AuthorStanding before = author.effectiveStanding(Instant.now());
        author.standing = standing;
        author.until = until;
        author.reason = reason;
        author.updatedAt = Instant.now();
        author.updatedBy = actor;
        author.persist();
        audit.authorChanged(authorId, actor, AuditAction.AUTHOR_STANDING, before.name(), standing.name(), reason);
    }
}
