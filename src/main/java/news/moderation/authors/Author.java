package news.moderation.authors;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An author whose standing was set; authors without a row are ACTIVE. An author is a site's: the same author id on two
 * sites is two authors.
 */
@Entity
@Table(name = "author")
@IdClass(Author.Key.class)
public class Author extends PanacheEntityBase {

    /** The primary key: (site, author id). */
    public static class Key implements Serializable {
        public String siteId;
        public String authorId;

        public Key() {
        }

        Key(String siteId, String authorId) {
            this.siteId = siteId;
            this.authorId = authorId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(siteId, key.siteId)
                    && Objects.equals(authorId, key.authorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, authorId);
        }
    }

    @Id
    public String siteId;

    @Id
    public String authorId;

    @Enumerated(EnumType.STRING)
    public AuthorStanding standing;

    /** End of a suspension; absent means until lifted. */
    public Instant until;

    public String reason;
    public Instant updatedAt;
    public String updatedBy;

    static Optional<Author> find(String siteId, String authorId) {
        return findByIdOptional(new Key(siteId, authorId));
    }

    /** The standing in force now: a suspension whose end has passed no longer counts. */
    public AuthorStanding effectiveStanding(Instant now) {
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(now)) {
            return AuthorStanding.ACTIVE;
        }
        return standing;
    }
}
