package news.moderation.authors;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import news.moderation.comments.Comment;
import news.moderation.comments.CommentRevision;
import news.moderation.events.AuthorErased;
import news.moderation.events.DomainEvents;

/**
 * Erasure on request of one site's author: every text the author wrote or that may quote them goes, so that nothing
 * stored still says what they wrote; what happened (statuses, verdict categories, which rules matched where, who
 * decided what and why by reason code) stays, tied only to the site's opaque author id.
 */
@ApplicationScoped
public class AuthorErasure {

    public static final String ERASED = "[erased]";
    /**
     * Replaces a comment's request hash: it was a hash of the author's fields, so a replay of a guessed body with the
     * idempotency key could confirm it. No hash equals this marker, so every replay of the key is refused (422) and
     * the key stays spent.
     */
    static final String ERASED_REQUEST_HASH = "erased";
    /**
     * Every table erasure writes to (notice and appeal through their observers of AuthorErased); their dead row
     * versions still hold the old text until VACUUM.
     */
    private static final List<String> TOUCHED_TABLES = List.of("comment", "comment_revision", "comment_report",
            "author", "audit_event", "domain_event", "notice", "appeal");
    private static final Logger LOG = Logger.getLogger(AuthorErasure.class);

    private final EntityManager em;
    private final DomainEvents events;
    private final AgroalDataSource dataSource;

    AuthorErasure(EntityManager em, DomainEvents events, AgroalDataSource dataSource) {
        this.em = em;
        this.events = events;
        this.dataSource = dataSource;
    }

    /** @return how many of the author's comments were erased */
    public long erase(String siteId, String authorId, String admin) {
        long erased = QuarkusTransaction.requiringNew().call(() -> redact(siteId, authorId, admin));
        vacuum();
        return erased;
    }

    private long redact(String siteId, String authorId, String admin) {
        List<Comment> comments = Comment.list("siteId = ?1 and authorId = ?2", siteId, authorId);
        for (Comment comment : comments) {
            comment.body = "";
            comment.authorName = ERASED;
            // Excerpts are the author's words too; which rules matched where stays, for the stats.
            comment.matches = comment.matches.stream().map(m -> m.withoutExcerpt()).toList();
            if (comment.requestHash != null) {
                comment.requestHash = ERASED_REQUEST_HASH;
            }
        }
        // The revisions their edits replaced are the author's words as much.
        List<CommentRevision> revisions = CommentRevision.list(
                "commentId in (select c.id from Comment c where c.siteId = ?1 and c.authorId = ?2)", siteId, authorId);
        for (CommentRevision revision : revisions) {
            revision.body = "";
            revision.matches = revision.matches.stream().map(m -> m.withoutExcerpt()).toList();
        }
        // Reports on the author's comments may quote them; reports the author made are their words.
        em.createNativeQuery("""
                UPDATE comment_report r SET reason = :erased FROM comment c
                WHERE r.comment_id = c.id AND c.site_id = :site AND (c.author_id = :author OR r.reporter_id = :author)""")
                .setParameter("erased", ERASED).setParameter("site", siteId).setParameter("author", authorId)
                .executeUpdate();
        // Moderators' notes on the author's comments and standing: the one change audit_event's trigger allows.
        em.createNativeQuery("""
                UPDATE audit_event SET note = NULL WHERE site_id = :site AND author_id = :author AND note IS NOT NULL""")
                .setParameter("site", siteId).setParameter("author", authorId).executeUpdate();
        em.createNativeQuery("UPDATE author SET reason = NULL WHERE site_id = :site AND author_id = :author")
                .setParameter("site", siteId).setParameter("author", authorId).executeUpdate();
        // The same notes and reasons in the outbox: webhook deliveries read their payload from there when they go.
        for (String field : List.of("note", "reason")) {
            em.createNativeQuery("""
                    UPDATE domain_event SET payload = jsonb_set(payload, ARRAY[CAST(:field AS text)], 'null')
                    WHERE site_id = :site AND author_id = :author AND payload ->> CAST(:field AS text) IS NOT NULL""")
                    .setParameter("field", field).setParameter("site", siteId).setParameter("author", authorId)
                    .executeUpdate();
        }
        events.publish(new AuthorErased(siteId, authorId, admin, comments.size()));
        return comments.size();
    }

    /**
     * Until VACUUM the old row versions, text and all, remain in the table files. VACUUM cannot run inside a
     * transaction, so it runs after the commit on a connection of its own; the erasure is committed either way, and
     * autovacuum would get there later, so a failure here is logged, not answered.
     */
    private void vacuum() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("VACUUM " + String.join(", ", TOUCHED_TABLES));
        } catch (SQLException e) {
            LOG.warnf("VACUUM after an erasure failed (autovacuum will remove the old row versions later): %s",
                    e.getMessage());
        }
    }
}
