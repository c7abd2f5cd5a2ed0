-- Edits as revisions. The comment row keeps what it always held, now for its latest revision (body, verdict,
-- status), so that writing a new comment is unchanged (its revision is 1 by default). An edit first copies the
-- revision it replaces into comment_revision, with the status it had: every earlier revision stays on record.
ALTER TABLE comment ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
-- When the latest revision was written; null while the comment was never edited (revision 1 is created_at's).
ALTER TABLE comment ADD COLUMN revised_at TIMESTAMPTZ;
-- While the latest revision waits for a moderator (PENDING_REVIEW), the earlier revision readers still see on the
-- thread, if one was published; null otherwise. An edit does not replace published text before it is approved.
ALTER TABLE comment ADD COLUMN published_revision INTEGER;

CREATE TABLE comment_revision (
    comment_id       UUID         NOT NULL REFERENCES comment (id),
    revision         INTEGER      NOT NULL,
    body             TEXT         NOT NULL,
    -- The status the comment had while this was its latest revision, up to the edit that replaced it.
    status           VARCHAR(20)  NOT NULL,
    decision         VARCHAR(10)  NOT NULL,
    categories       JSONB        NOT NULL,
    matches          JSONB        NOT NULL,
    max_severity     SMALLINT     NOT NULL,
    ruleset_version  VARCHAR(64)  NOT NULL,
    written_at       TIMESTAMPTZ  NOT NULL,
    replaced_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (comment_id, revision),
    CONSTRAINT comment_revision_status_check
        CHECK (status IN ('PUBLISHED', 'PENDING_REVIEW', 'REPORTED', 'REJECTED')),
    CONSTRAINT comment_revision_decision_check CHECK (decision IN ('ALLOW', 'REVIEW', 'REJECT'))
);

-- The revision of the comment an audit event was about (a verdict on it, a decision made on it); null for events
-- about an author and for events recorded before this migration.
ALTER TABLE audit_event ADD COLUMN revision INTEGER;
