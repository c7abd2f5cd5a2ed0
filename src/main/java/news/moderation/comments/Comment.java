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

    /** Published comments of a site's article in the order they were written, from just after {@code afterSeq}. */
    public static List<Comment> publishedPage(String siteId, String articleId, long afterSeq, int limit) {
        return find("siteId = ?1 and articleId = ?2 and status = ?3 and seq > ?4 order by seq", siteId, articleId,
                CommentStatus.PUBLISHED, afterSeq).page(0, limit).list();
    }
}
