-- Reader comments with the verdict the rule engine gave them.
CREATE TABLE comment (
    id                UUID         PRIMARY KEY,
    -- Strictly increasing, so that pages of an article's comments are stable while new ones arrive.
    seq               BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
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
    ruleset_version   VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    version           INTEGER      NOT NULL DEFAULT 0,
    idempotency_key   VARCHAR(200) UNIQUE,
    request_hash      VARCHAR(64),
    CONSTRAINT comment_status_check CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'REJECTED')),
    CONSTRAINT comment_decision_check CHECK (decision IN ('ALLOW', 'REVIEW', 'REJECT')),
    CONSTRAINT comment_idempotency_check CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);

CREATE INDEX comment_article_status_seq_idx ON comment (article_id, status, seq);
CREATE INDEX comment_author_idx ON comment (author_id, created_at);
