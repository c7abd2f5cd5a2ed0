package news.moderation.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event owed to one endpoint: created with the event, in its transaction, then worked off by the dispatcher. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum State {
        /** To send, at {@code nextAttemptAt}. */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** No 2xx answer before {@code giveUpAt}: waits for a manual redelivery. */
        DEAD
    }

    @Id
    public UUID id;

    public UUID endpointId;
    public UUID eventId;
    public long eventSeq;
    public String eventType;
    public UUID commentId;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;
    public Instant nextAttemptAt;
    public Instant giveUpAt;
    public Instant createdAt;
    public Instant deliveredAt;
}
