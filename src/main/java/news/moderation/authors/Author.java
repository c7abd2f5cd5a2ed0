package news.moderation.authors;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An author whose standing was set; authors without a row are ACTIVE. */
@Entity
@Table(name = "author")
public class Author extends PanacheEntityBase {

    @Id
    public String authorId;

    @Enumerated(EnumType.STRING)
    public AuthorStanding standing;

    /** End of a suspension; absent means until lifted. */
    public Instant until;

    public String reason;
    public Instant updatedAt;
    public String updatedBy;

    /** The standing in force now: a suspension whose end has passed no longer counts. */
    public AuthorStanding effectiveStanding(Instant now) {
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(now)) {
            return AuthorStanding.ACTIVE;
        }
        return standing;
    }
}
