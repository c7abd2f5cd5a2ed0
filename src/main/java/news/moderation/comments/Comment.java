package news.moderation.comments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import news.moderation.engine.Decision;
import news.moderation.ruleset.VerdictView;

/** A reader's comment, stored together with the verdict the engine gave it. */
@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * Insertion order, assigned by PostgreSQL; the cursor of an article's comment pages. Not read back after an
     * insert (null until the comment is loaded again): nothing on the submission path needs it.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** The site it belongs to: the submitting API key's, or the default site for a call without a key. */
    public String siteId;

    public String articleId;
    public String authorId;
    public String authorName;
    public UUID parentId;
    public String body;
    public String lang;

    @Enumerated(EnumType.STRING)
    public CommentStatus status;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> categories;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<VerdictView.MatchView> matches;

    /** 0 none, 1 low, 2 medium, 3 high: the queue's "most severe first" order. */
    public short maxSeverity;

    public String rulesetVersion;
    public Instant createdAt;

    /** Distinct readers who reported it. */
    public int reportCount;

    /** The moderator holding it in their batch until the lease expires. */
    public String claimedBy;
    public Instant claimExpiresAt;

    @Version
    public int version;

    /** The latest revision, the one body and verdict are of: 1 as written, one more with each edit by its author. */
    public int revision = 1;

    /** When the latest revision was written; null while the comment was never edited. */
    public Instant revisedAt;

    /**
     * While the latest revision waits for a moderator, the earlier, published revision that readers still see on the
     * thread; null when there is none. Read only while the status is {@link CommentStatus#PENDING_REVIEW}.
     */
    public Integer publishedRevision;

    public String idempotencyKey;
    public String requestHash;

    /** The rules that matched it, each once. */
    public List<String> ruleIds() {
        return matches.stream().map(VerdictView.MatchView::ruleId).distinct().toList();
    }

    public VerdictView verdict() {
        return new VerdictView(decision, categories, matches, rulesetVersion);
    }

    public static Optional<Comment> findByIdempotencyKey(String siteId, String key) {
        return find("siteId = ?1 and idempotencyKey = ?2", siteId, key).firstResultOptional();
    }

    /** The comment if it is on one of the sites the caller may see: on any other site it does not exist for them. */
    public static Comment findVisible(UUID id, Predicate<String> visibleSite, LockModeType lock) {
        return Comment.<Comment>findByIdOptional(id, lock).filter(comment -> visibleSite.test(comment.siteId))
                .orElseThrow(() -> notFound(id));
    }

    public static Comment findVisible(UUID id, Predicate<String> visibleSite) {
        return findVisible(id, visibleSite, LockModeType.NONE);
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("No comment with id " + id);
    }

    /**
     * The comments of a site's article that readers see, in the order they were written, from just after
     * {@code afterSeq}: published ones, and those whose edit waits for a moderator while an earlier revision was
     * published.
     */
    public static List<Comment> publishedPage(String siteId, String articleId, long afterSeq, int limit) {
        return find("siteId = ?1 and articleId = ?2 and seq > ?3 and (status = ?4 or (status = ?5 and "
                + "publishedRevision is not null)) order by seq", siteId, articleId, afterSeq,
                CommentStatus.PUBLISHED, CommentStatus.PENDING_REVIEW).page(0, limit).list();
    }

    /** When the latest revision was written. */
    public Instant latestRevisionWrittenAt() {
        return revisedAt == null ? createdAt : revisedAt;
    }
}
