package news.moderation.appeals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An appeal (DSA Art. 20) against one decision on a comment: its removal, contested by its author, or a decision not
 * to act on a notice, contested by the notifier. The contested decision (who, when, which rules) is copied in when
 * the appeal is filed.
 */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siteId;
    public UUID commentId;

    @Enumerated(EnumType.STRING)
    public Appellant appellant;

    /** The notice whose decision a notifier contests; absent for an author's appeal. */
    public UUID noticeId;
    public String reason;

    /** Who made the contested decision: a moderator's name, or "system" for the machine. */
    public String contestedBy;
    public Instant contestedAt;

    /** The rules behind the contested decision (the machine's), for the reversal rates per rule. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> ruleIds;

    @Enumerated(EnumType.STRING)
    public AppealStatus status;

    public Instant filedAt;
    public Instant decidedAt;
    public String decidedBy;
    /** The deciding moderator's reasoned reply, for the appellant. */
    public String reply;
}
