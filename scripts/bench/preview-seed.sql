-- 100,000 comments of the last 30 days for the ruleset preview benchmark (scripts/bench/preview.sh), with varied
-- bodies: mostly clean, some with words the shipped rules catch, some with "florbix" (the candidate's new word), and
-- a moderator decision on every tenth (the preview reads the latest one per comment from the audit trail).
INSERT INTO comment (id, site_id, article_id, author_id, author_name, body, lang, status, decision, categories,
                     matches, max_severity, ruleset_version, created_at)
SELECT gen_random_uuid(), 'default', 'article-' || (g % 500), 'reader-' || (g % 9973), 'Reader ' || (g % 9973),
       (ARRAY['I read the whole article ', 'Thanks for reporting on ', 'The council should explain ',
              'My neighbour told me about ', 'Nobody asked about ', 'Great piece on '])[1 + g % 6]
           || (ARRAY['the new bus lanes', 'the budget', 'the flood defences', 'the school meals',
                     'the election', 'the stadium'])[1 + (g / 6) % 6]
           || (ARRAY['. Well argued, I think.', ', you absolute moron.', '. What a load of shit.',
                     '. Only a florbix would believe it.', ' and I agree with most of it.',
                     '. Call me on 0171 555 0199 to discuss.', '. Keep it up!', ' — see also last week''s piece.'])
              [1 + (g / 36) % 8]
           || repeat(' More thoughts follow here about the topic at hand and the people involved.', g % 4),
       'en', 'PUBLISHED', 'ALLOW', '[]', '[]', 0, 'sha256:seed',
       now() - interval '29 days' + g * interval '25 seconds'
FROM generate_series(1, 100000) g;

INSERT INTO audit_event (occurred_at, comment_id, author_id, actor, action, from_state, to_state, reason_code,
                         site_id)
SELECT c.created_at + interval '1 hour', c.id, c.author_id, 'bench-moderator', 'MODERATOR_DECISION',
       'PENDING_REVIEW', CASE WHEN c.seq % 20 = 0 THEN 'REJECTED' ELSE 'PUBLISHED' END,
       CASE WHEN c.seq % 20 = 0 THEN 'INSULT' ELSE 'ACCEPTABLE' END, c.site_id
FROM comment c WHERE c.seq % 10 = 0 AND c.ruleset_version = 'sha256:seed';

ANALYZE comment;
ANALYZE audit_event;
