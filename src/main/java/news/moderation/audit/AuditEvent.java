package news.moderation.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something that happened to a comment or an author: the machine's verdict, a moderator's decision, readers'
 * reports, a change of standing. Append-only; the database refuses updates and deletes, except an erasure's blanking
 * of a note (see V2__sites_are_tenants.sql).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant occurredAt;
    /** The site of the comment or author it is about (of the API key, for a suggested score). */
    public String siteId;
    public UUID commentId;
    public String authorId;
    /** "system", "readers", or the moderator's name from their token. */
    public String actor;
    @Enumerated(EnumType.STRING)
    public AuditAction action;
    public String fromState;
    public String toState;
    public String reasonCode;
    public String note;
    public String rulesetVersion;
    /** The machine's decision on the comment at the time, so that stats can tell when a moderator overturned it. */
    public String machineDecision;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> ruleIds;

    /** The revision of the comment it is about: the one judged, or the latest when a moderator decided. */
    public Integer revision;

    public static List<AuditEvent> forComment(UUID commentId) {
        return list("commentId = ?1 order by id", commentId);
    }
}
