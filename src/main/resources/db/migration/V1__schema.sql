-- Reader comments with the verdict the rule engine gave them, and what moderators did with them.
CREATE TABLE comment (
    id                UUID         PRIMARY KEY,
    -- Strictly increasing, so that pages of a thread or of the queue are stable while new comments arrive.
    seq               BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    site_id           VARCHAR(200),
    article_id        VARCHAR(200) NOT NULL,
    author_id         VARCHAR(200) NOT NULL,
    author_name       VARCHAR(200) NOT NULL,
    parent_id         UUID         REFERENCES comment (id),
    body              TEXT         NOT NULL,
    lang              VARCHAR(16),
    status            VARCHAR(20)  NOT NULL,
    decision          VARCHAR(10)  NOT NULL,
    categories        JSONB        NOT NULL,
    matches           JSONB        NOT NULL,
    -- 0 none, 1 low, 2 medium, 3 high: the queue's "most severe first" order.
    max_severity      SMALLINT     NOT NULL,
    ruleset_version   VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    version           INTEGER      NOT NULL DEFAULT 0,
    report_count      INTEGER      NOT NULL DEFAULT 0,
    claimed_by        VARCHAR(200),
    claim_expires_at  TIMESTAMPTZ,
    idempotency_key   VARCHAR(200),
    request_hash      VARCHAR(64),
    CONSTRAINT comment_status_check CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'REPORTED', 'REJECTED')),
    CONSTRAINT comment_decision_check CHECK (decision IN ('ALLOW', 'REVIEW', 'REJECT')),
    CONSTRAINT comment_idempotency_check CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);
-- An Idempotency-Key is the calling site's own: two sites may use the same one.
CREATE UNIQUE INDEX comment_idempotency_idx ON comment (COALESCE(site_id, ''), idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX comment_article_status_seq_idx ON comment (article_id, status, seq);
CREATE INDEX comment_status_seq_idx ON comment (status, seq);
CREATE INDEX comment_author_idx ON comment (author_id, created_at);
CREATE INDEX comment_created_idx ON comment (created_at);

-- One row per reader who reported a comment: the same reader counts once.
CREATE TABLE comment_report (
    comment_id   UUID         NOT NULL REFERENCES comment (id),
    reporter_id  VARCHAR(200) NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (comment_id, reporter_id)
);

-- Only authors whose standing someone (or the automatic rule) changed; everyone else is ACTIVE.
CREATE TABLE author (
    author_id    VARCHAR(200) PRIMARY KEY,
    standing     VARCHAR(20)  NOT NULL,
    until        TIMESTAMPTZ,
    reason       VARCHAR(500),
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(200) NOT NULL,
    CONSTRAINT author_standing_check CHECK (standing IN ('ACTIVE', 'PREMODERATED', 'SUSPENDED', 'BANNED'))
);

CREATE TABLE api_key (
    id           UUID         PRIMARY KEY,
    site_id      VARCHAR(200) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    -- SHA-256 of the key: the key itself is shown once, at creation, and never stored.
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    revoked_at   TIMESTAMPTZ
);

CREATE TABLE audit_event (
    id               BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    comment_id       UUID         REFERENCES comment (id),
    author_id        VARCHAR(200) NOT NULL,
    actor            VARCHAR(200) NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    from_state       VARCHAR(20),
    to_state         VARCHAR(20),
    reason_code      VARCHAR(40),
    note             VARCHAR(2000),
    ruleset_version  VARCHAR(64),
    -- The machine's decision and rules at the time, so that stats can tell when a moderator overturned them.
    machine_decision VARCHAR(10),
    rule_ids         JSONB
);
CREATE INDEX audit_event_comment_idx ON audit_event (comment_id, id);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

-- Append-only, enforced by the database itself.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
