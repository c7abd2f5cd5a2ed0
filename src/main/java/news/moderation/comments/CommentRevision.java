package news.moderation.comments;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import news.moderation.engine.Decision;
import news.moderation.ruleset.VerdictView;

/**
 * A revision of a comment that a later edit replaced, as it was then: its body, its verdict and the status it had.
 * The latest revision is the comment row itself.
 */
@Entity
@Table(name = "comment_revision")
@IdClass(CommentRevision.Key.class)
public class CommentRevision extends PanacheEntityBase {

    public record Key(UUID commentId, int revision) implements Serializable {
        /** For Hibernate, which instantiates id classes reflectively. */
        Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID commentId;

    @Id
    public int revision;

    public String body;

    @Enumerated(EnumType.STRING)
    public CommentStatus status;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> categories;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<VerdictView.MatchView> matches;

    public short maxSeverity;
    public String rulesetVersion;
    public Instant writtenAt;
    public Instant replacedAt;

    /** Keeps the comment's latest revision, as it is now, before an edit replaces it. */
    static void keep(Comment comment, Instant replacedAt) {
        CommentRevision kept = new CommentRevision();
        kept.commentId = comment.id;
        kept.revision = comment.revision;
        kept.body = comment.body;
        kept.status = comment.status;
        kept.decision = comment.decision;
        kept.categories = comment.categories;
        kept.matches = comment.matches;
        kept.maxSeverity = comment.maxSeverity;
        kept.rulesetVersion = comment.rulesetVersion;
        kept.writtenAt = comment.latestRevisionWrittenAt();
        kept.replacedAt = replacedAt;
        kept.persist();
    }

    static CommentRevision of(UUID commentId, int revision) {
        return findById(new Key(commentId, revision));
    }

    /** The revisions an edit replaced, oldest first. */
    static List<CommentRevision> replacedOf(UUID commentId) {
        return list("commentId = ?1 order by revision", commentId);
    }

    public VerdictView verdict() {
        return new VerdictView(decision, categories, matches, rulesetVersion);
    }
}
