package news.moderation.statements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The statement of reasons (DSA Art. 17) for one restriction of a comment, in the terms of the DSA Transparency
 * Database's API (each field holds one of its enum keys, see {@link TransparencyDatabase}).
 */
@Entity
@Table(name = "statement_of_reasons")
public class StatementOfReasons extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siteId;
    public UUID commentId;
    /** The platform's unique identifier of the decision: the comment id, then {@code <id>-2}, … for later ones. */
    public String puid;

    public String decisionVisibility;
    public String decisionVisibilityOther;
    public String decisionGround;
    public String decisionGroundReferenceUrl;
    /** For a restriction on a notice of illegal content: the law it breaks, and why. */
    public String illegalContentLegalGround;
    public String illegalContentExplanation;
    public String incompatibleContentGround;
    public String incompatibleContentExplanation;
    public String category;
    public String contentType;
    public LocalDate contentDate;
    public LocalDate applicationDate;
    /** When the restriction ended: a moderator lifted it, or a later decision replaced it. */
    public LocalDate endDate;
    public String decisionFacts;
    public String sourceType;
    public boolean automatedDetection;
    public String automatedDecision;

    public Instant createdAt;
    public Instant endedAt;

    /** The comment's restriction in force, if it has one. */
    static Optional<StatementOfReasons> inForce(UUID commentId) {
        return find("commentId = ?1 and endedAt is null", commentId).firstResultOptional();
    }

    /** The comment's latest statement, for the site it belongs to; any other site gets none. */
    static Optional<StatementOfReasons> latest(UUID commentId, String siteId) {
        return find("commentId = ?1 and siteId = ?2 order by createdAt desc, puid desc", commentId, siteId)
                .firstResultOptional();
    }

    static long countFor(UUID commentId) {
        return count("commentId", commentId);
    }

    /** Statements made in [from, to), of one site or of all; in the order they were made. */
    static List<StatementOfReasons> madeBetween(Instant from, Instant to, Optional<String> siteId) {
        return siteId
                .map(site -> StatementOfReasons.<StatementOfReasons>list(
                        "createdAt >= ?1 and createdAt < ?2 and siteId = ?3 order by createdAt, puid", from, to, site))
                .orElseGet(() -> list("createdAt >= ?1 and createdAt < ?2 order by createdAt, puid", from, to));
    }
}
