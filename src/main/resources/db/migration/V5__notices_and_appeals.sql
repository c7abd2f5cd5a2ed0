-- Notices of illegal content (DSA Art. 16) and appeals against decisions (Art. 20, internal complaint handling).
-- Both belong to the site of the comment they are about; their texts (the notifier's explanation, the appellant's
-- reason, the moderators' replies) stay here and never enter domain events.

-- ---- notice: a notifier's claim that a comment is illegal; its id is the receipt the notifier is given -----------
CREATE TABLE notice (
    id             UUID PRIMARY KEY,
    site_id        VARCHAR(200)  NOT NULL,
    comment_id     UUID          NOT NULL REFERENCES comment (id),
    notifier_name  VARCHAR(200)  NOT NULL,
    notifier_email VARCHAR(320)  NOT NULL,
    explanation    VARCHAR(5000) NOT NULL,
    legal_ground   VARCHAR(500)  NOT NULL,
    -- Art. 16(2)(d): the notifier confirms their good faith; a notice without it is refused.
    good_faith     BOOLEAN       NOT NULL CHECK (good_faith),
    -- RECEIVED (waiting for a moderator), ACTED (the comment was restricted), NO_ACTION
    status         VARCHAR(20)   NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     VARCHAR(200),
    reason_code    VARCHAR(40),
    reply          VARCHAR(2000)
);
CREATE INDEX notice_queue_idx ON notice (status, received_at);
CREATE INDEX notice_comment_idx ON notice (comment_id);

-- ---- appeal: an author contests the removal of their comment, or a notifier a decision not to act on a notice -----
-- The contested decision is copied from the audit trail when the appeal is filed (who, when, which rules), so that the
-- one who made it can be kept from deciding the appeal and the stats count reversals per rule and per moderator.
CREATE TABLE appeal (
    id               UUID PRIMARY KEY,
    site_id          VARCHAR(200)  NOT NULL,
    comment_id       UUID          NOT NULL REFERENCES comment (id),
    -- AUTHOR or NOTIFIER; a notifier's appeal names the notice it is about
    appellant        VARCHAR(20)   NOT NULL,
    notice_id        UUID REFERENCES notice (id),
    reason           VARCHAR(5000) NOT NULL,
    -- 'system' when the machine made the contested decision: any moderator may then decide the appeal
    contested_by     VARCHAR(200)  NOT NULL,
    contested_at     TIMESTAMPTZ   NOT NULL,
    rule_ids         JSONB         NOT NULL,
    -- OPEN, UPHELD, REVERSED
    status           VARCHAR(20)   NOT NULL,
    filed_at         TIMESTAMPTZ   NOT NULL,
    decided_at       TIMESTAMPTZ,
    decided_by       VARCHAR(200),
    reply            VARCHAR(2000),
    CHECK ((appellant = 'NOTIFIER') = (notice_id IS NOT NULL))
);
-- One appeal per contested decision: an author's per removal, a notifier's per notice.
CREATE UNIQUE INDEX appeal_author_decision_idx ON appeal (comment_id, contested_at) WHERE appellant = 'AUTHOR';
CREATE UNIQUE INDEX appeal_notice_idx ON appeal (notice_id) WHERE appellant = 'NOTIFIER';
CREATE INDEX appeal_queue_idx ON appeal (status, filed_at);
CREATE INDEX appeal_contested_idx ON appeal (contested_at);

-- ---- statements of reasons for restrictions on a notice of illegal content -----------------------------------------
ALTER TABLE statement_of_reasons ADD COLUMN illegal_content_legal_ground TEXT;
ALTER TABLE statement_of_reasons ADD COLUMN illegal_content_explanation TEXT;
