-- pgbench: the whole transaction the service commits for one comment (author standing, comment, audit event).
\set author random(1, 997)
BEGIN;
SELECT standing, until FROM author WHERE author_id = 'reader-' || :author;
INSERT INTO comment (id, article_id, author_id, author_name, body, status, decision, categories, matches,
                     max_severity, ruleset_version, created_at)
VALUES (gen_random_uuid(), 'bench-pgbench', 'reader-' || :author, 'Bench Reader',
        'Thanks for this article, it explains the budget debate very clearly.',
        'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'sha256:pgbench', now());
INSERT INTO audit_event (occurred_at, author_id, actor, action, to_state, ruleset_version, machine_decision, rule_ids)
VALUES (now(), 'reader-' || :author, 'system', 'MACHINE_VERDICT', 'PUBLISHED', 'sha256:pgbench', 'ALLOW', '[]')
RETURNING id;
COMMIT;
