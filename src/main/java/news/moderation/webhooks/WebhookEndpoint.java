package news.moderation.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a site wants some of its events, and the secrets that sign them. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siteId;
    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> eventTypes;

    public String secret;
    /** The secret before the last rotation: it signs too, until {@link #previousSecretExpiresAt}. */
    public String previousSecret;
    public Instant previousSecretExpiresAt;

    public Instant createdAt;
    public String createdBy;
    /** Set while the endpoint is disabled: it is owed no new event and sent nothing. */
    public Instant disabledAt;

    /** The secrets that sign a delivery made at {@code now}: the current one first. */
    List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
