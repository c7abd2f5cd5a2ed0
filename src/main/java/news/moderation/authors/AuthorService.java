package news.moderation.authors;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import news.moderation.comments.AuthorPolicy;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentStatus;
import news.moderation.events.AuthorStandingChanged;
import news.moderation.events.CommentJudged;
import news.moderation.events.CommentStatusChanged;
import news.moderation.events.DomainEvent;
import news.moderation.events.DomainEvents;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.errors.ClientErrorException;
import news.moderation.sites.ModeratorSites;

/**
 * Authors' standing: who may comment, whose comments always go to review, and what each author has written. An author
 * is a site's: every method names the site.
 */
@ApplicationScoped
public class AuthorService implements AuthorPolicy {

    private final DomainEvents events;
    private final ModeratorSites moderatorSites;
    private final ModerationConfig.Authors settings;

    AuthorService(DomainEvents events, ModeratorSites moderatorSites, ModerationConfig config) {
        this.events = events;
        this.moderatorSites = moderatorSites;
        this.settings = config.authors();
    }

    public AuthorStanding standing(String siteId, String authorId) {
        return standing(Author.find(siteId, authorId), Instant.now());
    }

    private static AuthorStanding standing(Optional<Author> author, Instant now) {
        return author.map(a -> a.effectiveStanding(now)).orElse(AuthorStanding.ACTIVE);
    }

    @Override
    public void requireMayComment(String siteId, String authorId) {
        Optional<Author> author = Author.find(siteId, authorId);
        Optional<ClientErrorException> refusal = refusal(authorId, author, standing(author, Instant.now()));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    @Override
    public Map<String, Admission> admissions(String siteId, Set<String> authorIds) {
        Map<String, Author> withStanding = Author.withStanding(siteId, authorIds).stream()
                .collect(Collectors.toMap(author -> author.authorId, author -> author));
        Map<String, Admission> admissions = new HashMap<>();
        Instant now = Instant.now();
        for (String authorId : authorIds) {
            Optional<Author> author = Optional.ofNullable(withStanding.get(authorId));
            AuthorStanding standing = standing(author, now);
            admissions.put(authorId, new Admission(refusal(authorId, author, standing).orElse(null),
                    standing == AuthorStanding.PREMODERATED));
        }
        return admissions;
    }

    /** Why the author may not comment now (403), if {@code standing} (theirs now) is suspended or banned. */
    private static Optional<ClientErrorException> refusal(String authorId, Optional<Author> author,
            AuthorStanding standing) {
        if (standing == AuthorStanding.SUSPENDED || standing == AuthorStanding.BANNED) {
            String until = author.get().until == null ? "" : " until " + author.get().until;
            return Optional.of(new ClientErrorException(Response.Status.FORBIDDEN,
                    "Author " + authorId + " is " + standing.name().toLowerCase() + until + " and may not comment"));
        }
        return Optional.empty();
    }

    @Override
    public boolean isPremoderated(String siteId, String authorId) {
        return standing(siteId, authorId) == AuthorStanding.PREMODERATED;
    }

    void judged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentJudged judged) {
        if (CommentStatus.REJECTED.name().equals(judged.status())
                && !CommentStatus.REJECTED.name().equals(judged.fromStatus())) {
            afterRejection(judged.siteId(), judged.authorId());
        }
    }

    void statusChanged(@Observes(during = TransactionPhase.IN_PROGRESS) CommentStatusChanged change) {
        if (CommentStatus.REJECTED.name().equals(change.toStatus())) {
            afterRejection(change.siteId(), change.authorId());
        }
    }

    /** After a rejection: an author with too many recent ones is put under pre-moderation, by the system. */
    private void afterRejection(String siteId, String authorId) {
        if (standing(siteId, authorId) != AuthorStanding.ACTIVE) {
            return;
        }
        Instant since = Instant.now().minus(settings.rejectionWindow());
        long rejections = Comment.count("siteId = ?1 and authorId = ?2 and status = ?3 and createdAt >= ?4", siteId,
                authorId, CommentStatus.REJECTED, since);
        if (rejections >= settings.premoderateAfterRejections()) {
            change(siteId, authorId, AuthorStanding.PREMODERATED, null,
                    rejections + " rejected comments within " + settings.rejectionWindow().toDays() + " days",
                    DomainEvent.SYSTEM);
        }
    }

    @Transactional
    public AuthorProfile setStanding(String siteId, String authorId, AuthorStanding standing, Instant until,
            String reason, String moderator) {
        requireVisible(siteId, authorId);
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(Instant.now())) {
            throw ClientErrorException.unprocessable("until", "must be in the future");
        }
        change(siteId, authorId, standing, standing == AuthorStanding.SUSPENDED ? until : null, reason, moderator);
        return profile(siteId, authorId);
    }

    @Transactional
    public AuthorProfile profile(String siteId, String authorId) {
        requireVisible(siteId, authorId);
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, Comment.count("siteId = ?1 and authorId = ?2 and status = ?3", siteId, authorId,
                    status));
        }
        List<AuthorProfile.Rejection> recent = Comment.<Comment>find(
                "siteId = ?1 and authorId = ?2 and status = ?3 order by createdAt desc", siteId, authorId,
                CommentStatus.REJECTED).page(0, 10).list().stream().map(AuthorProfile.Rejection::of).toList();
        Optional<Author> author = Author.find(siteId, authorId);
        return new AuthorProfile(siteId, authorId, standing(siteId, authorId), author.map(a -> a.until).orElse(null),
                author.map(a -> a.reason).orElse(null), counts, recent);
    }

    /** A moderator scoped to other sites is told nothing about this site's authors, not even that the site exists. */
    private void requireVisible(String siteId, String authorId) {
        if (!moderatorSites.scope().includes(siteId)) {
            throw new NotFoundException("No author " + authorId + " on site " + siteId);
        }
    }

    private void change(String siteId, String authorId, AuthorStanding standing, Instant until, String reason,
            String actor) {
        Author author = Author.find(siteId, authorId).orElseGet(() -> {
            Author created = new Author();
            created.siteId = siteId;
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
        events.publish(new AuthorStandingChanged(siteId, authorId, before.name(), standing.name(), until, actor,
                reason));
    }
}
