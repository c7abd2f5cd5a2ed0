package news.moderation.sites;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A site's key to the submission API; only its SHA-256 is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siteId;
    public String name;
    public String keyHash;
    public Instant createdAt;
    public String createdBy;
    public Instant revokedAt;

    static Optional<ApiKey> activeByHash(String keyHash) {
        return find("keyHash = ?1 and revokedAt is null", keyHash).firstResultOptional();
    }
}
