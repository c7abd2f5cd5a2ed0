-- pgbench: the transaction the service committed per comment before the commit batcher, for a published comment:
-- the author's standing (read twice: may they comment, are they pre-moderated), the comment, its outbox event, its
-- audit event, the statement of reasons in force (none for a new comment), the webhook deliveries it owes.
\set author random(1, 997)
BEGIN;
SELECT standing, until FROM author WHERE site_id = 'default' AND author_id = 'reader-' || :author;
SELECT standing, until FROM author WHERE site_id = 'default' AND author_id = 'reader-' || :author;
INSERT INTO comment (id, site_id, article_id, author_id, author_name, body, status, decision, categories, matches,
                     max_severity, ruleset_version, created_at)
VALUES (gen_random_uuid(), 'default', 'bench-pgbench', 'reader-' || :author, 'Bench Reader',
        'Thanks for this article, it explains the budget debate very clearly.',
        'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'sha256:pgbench', now());
INSERT INTO domain_event (id, site_id, comment_id, author_id, type, payload, occurred_at)
VALUES (gen_random_uuid(), 'default', gen_random_uuid(), 'reader-' || :author, 'comment.judged',
        '{"status":"PUBLISHED","decision":"ALLOW","categories":[],"ruleIds":[]}', now())
RETURNING seq;
INSERT INTO audit_event (occurred_at, site_id, author_id, actor, action, to_state, ruleset_version, machine_decision,
                         rule_ids)
VALUES (now(), 'default', 'reader-' || :author, 'system', 'MACHINE_VERDICT', 'PUBLISHED', 'sha256:pgbench', 'ALLOW',
        '[]')
RETURNING id;
-- A literal id: gen_random_uuid() in the WHERE clause would be evaluated per row, a sequential scan.
SELECT id FROM statement_of_reasons WHERE comment_id = '7d2c1a9e-0000-4000-8000-000000000000' AND ended_at IS NULL LIMIT 1;
INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_seq, event_type, comment_id, state, next_attempt_at,
                              give_up_at, created_at)
SELECT gen_random_uuid(), e.id, gen_random_uuid(), 0, 'comment.judged', NULL, 'PENDING', now(), now(), now()
FROM webhook_endpoint e
WHERE e.site_id = 'default' AND e.event_types @> jsonb_build_array('comment.judged');
COMMIT;
