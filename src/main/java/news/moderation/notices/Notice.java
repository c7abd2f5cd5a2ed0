package news.moderation.notices;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A notice of illegal content (DSA Art. 16) about one comment, sent by a notifier through the comment's site. Its id
 * is the receipt the notifier is given.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siteId;
    public UUID commentId;
    public String notifierName;
    public String notifierEmail;
    /** Why the notifier holds the comment illegal (Art. 16(2)(a)). */
    public String explanation;
    /** The law the notifier says it breaks. */
    public String legalGround;
    public boolean goodFaith;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status;

    public Instant receivedAt;
    public Instant decidedAt;
    public String decidedBy;
    /** The moderator's reason code when they acted on it (the statement's category). */
    public String reasonCode;
    /** The moderator's reasoned reply, for the notifier. */
    public String reply;
}
