-- Domain events (the outbox) and the sites' webhooks that deliver them.

-- ---- domain_event: every change of a comment's or an author's life, written in the transaction of the change ------
-- seq orders events (a comment's events follow the order of its changes: each holds the comment's row lock); id is
-- what receivers de-duplicate on. Payloads hold no text a reader wrote (see events/DomainEvent.java); an erasure
-- blanks the moderators' notes and standing reasons in them, as in audit_event.
CREATE TABLE domain_event (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          UUID         NOT NULL UNIQUE,
    site_id     VARCHAR(200) NOT NULL,
    comment_id  UUID,
    author_id   VARCHAR(200),
    type        VARCHAR(60)  NOT NULL,
    payload     JSONB        NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX domain_event_comment_idx ON domain_event (comment_id, seq);
CREATE INDEX domain_event_site_author_idx ON domain_event (site_id, author_id);

-- ---- webhook_endpoint: where a site wants its events, signed with its secret --------------------------------------
-- The secret signs every delivery, so it is kept as is (not hashed); during a rotation the previous one stays valid
-- (both sign) until previous_secret_expires_at.
CREATE TABLE webhook_endpoint (
    id                         UUID PRIMARY KEY,
    site_id                    VARCHAR(200)  NOT NULL,
    url                        VARCHAR(2000) NOT NULL,
    event_types                JSONB         NOT NULL,
    secret                     VARCHAR(100)  NOT NULL,
    previous_secret            VARCHAR(100),
    previous_secret_expires_at TIMESTAMPTZ,
    created_at                 TIMESTAMPTZ   NOT NULL,
    created_by                 VARCHAR(200)  NOT NULL
);
CREATE INDEX webhook_endpoint_site_idx ON webhook_endpoint (site_id);

-- ---- webhook_delivery: one event to one endpoint, created with the event; the dispatcher's work list ---------------
CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    endpoint_id     UUID        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        UUID        NOT NULL REFERENCES domain_event (id),
    event_seq       BIGINT      NOT NULL,
    event_type      VARCHAR(60) NOT NULL,
    comment_id      UUID,
    -- PENDING (to send), DELIVERED (a 2xx answer), DEAD (no 2xx answer before give_up_at)
    state           VARCHAR(20) NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    give_up_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (endpoint_id, event_id)
);
-- What is due, and what an endpoint still owes a comment (a comment's events go out in order).
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, event_seq) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_pending_comment_idx ON webhook_delivery (endpoint_id, comment_id, event_seq)
    WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, event_seq);

-- ---- webhook_attempt: the delivery log ------------------------------------------------------------------------------
CREATE TABLE webhook_attempt (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at TIMESTAMPTZ NOT NULL,
    http_status  INT,
    latency_ms   BIGINT      NOT NULL,
    error        VARCHAR(500)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
