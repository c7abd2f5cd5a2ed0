package news.moderation.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One try of a delivery: the receiver's HTTP status (absent when none came) and how long it took. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID deliveryId;
    public Instant attemptedAt;
    public Integer httpStatus;
    public long latencyMs;
    public String error;

    static List<WebhookAttempt> of(UUID deliveryId) {
        return list("deliveryId = ?1 order by id", deliveryId);
    }
}
