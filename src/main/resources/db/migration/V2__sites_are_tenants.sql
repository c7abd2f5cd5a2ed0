-- Sites are tenants: every comment, report (through its comment), author standing, idempotency key and audit event
-- belongs to one site. Calls without an API key belong to the default site, 'default' (sites/Sites.DEFAULT).

-- The append-only trigger is replaced below; drop it first so that existing events can be given their site.
DROP TRIGGER audit_event_append_only ON audit_event;
DROP FUNCTION audit_event_is_append_only();

-- ---- comment -------------------------------------------------------------------------------------------------
UPDATE comment SET site_id = 'default' WHERE site_id IS NULL;
ALTER TABLE comment ALTER COLUMN site_id SET NOT NULL;

DROP INDEX comment_idempotency_idx;
CREATE UNIQUE INDEX comment_idempotency_idx ON comment (site_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
-- An article's thread, an author's comments: always asked for within one site.
DROP INDEX comment_article_status_seq_idx;
CREATE INDEX comment_site_article_status_seq_idx ON comment (site_id, article_id, status, seq);
DROP INDEX comment_author_idx;
CREATE INDEX comment_site_author_idx ON comment (site_id, author_id, created_at);
-- The queue of a moderator scoped to some sites (comment_status_seq_idx serves the unscoped queue).
CREATE INDEX comment_site_status_seq_idx ON comment (site_id, status, seq);

-- ---- author ----------------------------------------------------------------------------------------------------
-- The same author id on two sites is two authors.
ALTER TABLE author ADD COLUMN site_id VARCHAR(200);
UPDATE author SET site_id = 'default';
ALTER TABLE author ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE author DROP CONSTRAINT author_pkey;
ALTER TABLE author ADD PRIMARY KEY (site_id, author_id);

-- ---- audit_event -----------------------------------------------------------------------------------------------
ALTER TABLE audit_event ADD COLUMN site_id VARCHAR(200);
UPDATE audit_event e SET site_id = c.site_id FROM comment c WHERE e.comment_id = c.id;
UPDATE audit_event SET site_id = 'default' WHERE site_id IS NULL;
ALTER TABLE audit_event ALTER COLUMN site_id SET NOT NULL;
-- A Perspective clientToken is free text from the client that may quote the author and cannot be tied to one:
-- it is no longer recorded, and the ones recorded so far go.
UPDATE audit_event SET note = NULL WHERE action = 'SUGGESTED_SCORE';
-- An author's events (standing changes, erasure) and the per-site stats.
CREATE INDEX audit_event_site_author_idx ON audit_event (site_id, author_id);
CREATE INDEX audit_event_site_time_idx ON audit_event (site_id, occurred_at);

-- Still append-only, with one narrow exception: erasure on request may blank the free text of an event (its note),
-- and change nothing else. Who did what, when, from which state to which and why (reason codes) stays.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.note IS NULL
            AND (to_jsonb(NEW) - 'note') = (to_jsonb(OLD) - 'note') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (only an erasure may blank a note)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
