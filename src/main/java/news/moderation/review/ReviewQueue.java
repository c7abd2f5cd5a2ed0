package news.moderation.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import news.moderation.audit.AuditAction;
import news.moderation.audit.AuditEvent;
import news.moderation.authors.AuthorService;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentRevisionView;
import news.moderation.comments.CommentStatus;
import news.moderation.comments.CommentView;
import news.moderation.platform.config.ModerationConfig;
import news.moderation.platform.paging.Cursor;
import news.moderation.sites.ModeratorSites;
import news.moderation.sites.SiteScope;

/** The moderators' queue: filtered, sorted pages with counts per status, and claims of batches to work on. */
@ApplicationScoped
public class ReviewQueue {

    private final EntityManager em;
    private final AuthorService authors;
    private final ModeratorSites moderatorSites;
    private final ModerationConfig.Review settings;

    ReviewQueue(EntityManager em, AuthorService authors, ModeratorSites moderatorSites, ModerationConfig config) {
        this.em = em;
        this.authors = authors;
        this.moderatorSites = moderatorSites;
        this.settings = config.review();
    }

    @Transactional
    public QueueItem.Page page(QueueFilter filter, QueueSort sort, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = filters(filter, moderatorSites.scope(), params);
        String statuses = filter.status == null ? "status IN ('PENDING_REVIEW', 'REPORTED')" : "status = :status";
        if (filter.status != null) {
            params.put("status", filter.status.name());
        }
        long[] after = Cursor.decode(cursor, "queue-" + sort.name(), 2);
        String order = switch (sort) {
            case OLDEST -> {
                if (after != null) {
                    where.append(" AND seq > :afterSeq");
                }
                yield "seq";
            }
            case NEWEST -> {
                if (after != null) {
                    where.append(" AND seq < :afterSeq");
                }
                yield "seq DESC";
            }
            case SEVERITY -> {
                if (after != null) {
                    where.append(" AND (max_severity < :afterSeverity OR (max_severity = :afterSeverity AND seq > :afterSeq))");
                    params.put("afterSeverity", after[0]);
                }
                yield "max_severity DESC, seq";
            }
        };
        if (after != null) {
            params.put("afterSeq", after[1]);
        }
        Query query = em.createNativeQuery("SELECT * FROM comment WHERE " + statuses + where + " ORDER BY " + order
                + " LIMIT :limit", Comment.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Comment> rows = query.getResultList();

        List<Comment> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = null;
        if (rows.size() > limit) {
            Comment last = page.get(page.size() - 1);
            next = Cursor.encode("queue-" + sort.name(), last.maxSeverity, last.seq);
        }
        return new QueueItem.Page(page.stream().map(this::item).toList(), counts(filter), next);
    }

    /**
     * Hands up to {@code limit} waiting comments to the moderator for the lease time: ones nobody holds, or whose lease
     * ran out. SKIP LOCKED makes concurrent claims take disjoint rows instead of waiting for or repeating each other.
     */
    @Transactional
    public List<QueueItem> claim(String moderator, int limit) {
        Instant now = Instant.now();
        Map<String, Object> params = new HashMap<>();
        String ofVisibleSites = moderatorSites.scope().sqlCondition("site_id", params);
        Query query = em.createNativeQuery("""
                UPDATE comment SET claimed_by = :moderator, claim_expires_at = :expires
                WHERE id IN (
                    SELECT id FROM comment
                    WHERE status IN ('PENDING_REVIEW', 'REPORTED')
                      AND (claimed_by IS NULL OR claim_expires_at <= :now)%s
                    ORDER BY seq
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING id""".formatted(ofVisibleSites), UUID.class)
                .setParameter("moderator", moderator)
                .setParameter("expires", now.plus(settings.claimLease()))
                .setParameter("now", now)
                .setParameter("limit", limit);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        em.clear(); // the UPDATE bypassed the persistence context
        return Comment.<Comment>list("id in ?1 order by seq", ids).stream().map(this::item).toList();
    }

    /** A comment on one of the moderator's sites, whatever its status. */
    @Transactional
    public QueueItem item(UUID id) {
        return item(visible(id));
    }

    /** The audit trail of a comment on one of the moderator's sites. */
    @Transactional
    public List<HistoryEntry> history(UUID id) {
        visible(id);
        List<AuditEvent> trail = AuditEvent.forComment(id);
        // Matched newest first: reversals recorded before there was an APPEAL_DECISION action are older entries
        // (MODERATOR_DECISION), so they never shift the newer ones onto the wrong appeal.
        Iterator<UUID> reversedAppeals = reversedAuthorAppealsNewestFirst(id).iterator();
        HistoryEntry[] entries = new HistoryEntry[trail.size()];
        for (int i = trail.size() - 1; i >= 0; i--) {
            AuditEvent event = trail.get(i);
            entries[i] = HistoryEntry.of(event, event.action == AuditAction.APPEAL_DECISION && reversedAppeals.hasNext()
                    ? reversedAppeals.next() : null);
        }
        return List.of(entries);
    }

    /**
     * The author's appeals of the comment that were reversed, the latest decided first. Each reversal wrote one
     * {@code APPEAL_DECISION} entry to the audit trail in its transaction, under the comment's row lock, so the n-th
     * latest entry is the n-th of these. Read by SQL: the appeals feature builds on this one, not the other way round.
     */
    @SuppressWarnings("unchecked")
    private List<UUID> reversedAuthorAppealsNewestFirst(UUID commentId) {
        return em.createNativeQuery("""
                SELECT id FROM appeal WHERE comment_id = :comment AND appellant = 'AUTHOR' AND status = 'REVERSED'
                ORDER BY decided_at DESC""", UUID.class).setParameter("comment", commentId).getResultList();
    }

    /** Every revision of a comment on one of the moderator's sites, oldest first, each with its verdict. */
    @Transactional
    public List<CommentRevisionView> revisions(UUID id) {
        return CommentRevisionView.allOf(visible(id));
    }

    QueueItem item(Comment comment) {
        return new QueueItem(CommentView.of(comment), comment.version, comment.reportCount,
                authors.standing(comment.siteId, comment.authorId), comment.claimedBy, comment.claimExpiresAt);
    }

    private Comment visible(UUID id) {
        return Comment.findVisible(id, moderatorSites.scope()::includes);
    }

    private Map<CommentStatus, Long> counts(QueueFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = filters(filter, moderatorSites.scope(), params).toString();
        Query query = em.createNativeQuery("SELECT status, count(*) FROM comment WHERE TRUE" + where
                + " GROUP BY status");
        params.forEach(query::setParameter);
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put(CommentStatus.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** The filters other than status, within the moderator's sites, as SQL conditions with bound parameters. */
    private static StringBuilder filters(QueueFilter filter, SiteScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.narrowedTo(Optional.ofNullable(filter.siteId))
                .sqlCondition("site_id", params));
        List<String> conditions = new ArrayList<>();
        if (filter.category != null) {
            conditions.add("categories @> jsonb_build_array(CAST(:category AS text))");
            params.put("category", filter.category);
        }
        if (filter.articleId != null) {
            conditions.add("article_id = :articleId");
            params.put("articleId", filter.articleId);
        }
        if (filter.authorId != null) {
            conditions.add("author_id = :authorId");
            params.put("authorId", filter.authorId);
        }
        if (filter.from != null) {
            conditions.add("created_at >= :from");
            params.put("from", filter.from);
        }
        if (filter.to != null) {
            conditions.add("created_at < :to");
            params.put("to", filter.to);
        }
        conditions.forEach(c -> where.append(" AND ").append(c));
        return where;
    }
}
