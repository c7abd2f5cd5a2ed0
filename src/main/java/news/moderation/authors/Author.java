package news.moderation.authors;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import news.moderation.platform.database.ArrayColumns;

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

    private static final String STANDING_OF =
            "SELECT author_id, standing, until FROM author WHERE site_id = ? AND author_id = ANY(?::varchar[])";

    /**
     * The standing of those of these authors of the site that have a row (not managed: read only). One query text for
     * any number of ids (an array, not an IN list: Hibernate translated that query anew for each length of the list),
     * and plain JDBC: Hibernate's mapping of a native query's result was resolved again on every call. Either cost the
     * submission path more CPU than anything else (JFR under wrk).
     */
    static List<Author> withStanding(String siteId, Collection<String> authorIds) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(STANDING_OF)) {
                ArrayColumns.bind(query, List.of(siteId, new ArrayColumns<>(authorIds).of(authorId -> authorId)));
                List<Author> authors = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Author author = new Author();
                        author.siteId = siteId;
                        author.authorId = rows.getString(1);
                        author.standing = AuthorStanding.valueOf(rows.getString(2));
                        OffsetDateTime until = rows.getObject(3, OffsetDateTime.class);
                        author.until = until == null ? null : until.toInstant();
                        authors.add(author);
                    }
                }
                return authors;
            }
        });
    }

    /** The standing in force now: a suspension whose end has passed no longer counts. */
    public AuthorStanding effectiveStanding(Instant now) {
        if (standing == AuthorStanding.SUSPENDED && until != null && !until.isAfter(now)) {
            return AuthorStanding.ACTIVE;
        }
        return standing;
    }
}
