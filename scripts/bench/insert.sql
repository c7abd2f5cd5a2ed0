-- pgbench: the same single-row INSERT the service commits for each comment (the database's ceiling).
INSERT INTO comment (id, site_id, article_id, author_id, author_name, body, status, decision, categories, matches,
                     max_severity, ruleset_version, created_at)
VALUES (gen_random_uuid(), 'default', 'bench-pgbench', 'reader-1', 'Bench Reader',
        'Thanks for this article, it explains the budget debate very clearly.',
        'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'sha256:pgbench', now());
