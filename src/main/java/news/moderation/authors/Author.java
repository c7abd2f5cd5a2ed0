package news.moderation.authors;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /**
     * Those of these authors of the site that have a row. One query text for any number of ids (an array, not an IN
     * list): Hibernate translates a query with an IN list anew for each length of the list, which cost the submission
     * path more CPU than anything else.
     */
    @SuppressWarnings("unchecked")
    static List<Author> withStanding(String siteId, Collection<String> authorIds) {
        return getEntityManager()
                .createNativeQuery("SELECT * FROM author WHERE site_id = ?1 AND author_id = ANY(?2)", Author.class)
                .setParameter(1, siteId).setParameter(2, authorIds.toArray(String[]::new)).getResultList();
    }

    /** The standing in force now: a suspension whose end has passed no longer counts. */
    public AuthorStanding effectiveStanding(Instant now) {
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(now)) {
            return AuthorStanding.ACTIVE;
        }
        return standing;
    }
}
