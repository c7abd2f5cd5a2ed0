-- Every new comment writes its event to the outbox, and each index of domain_event is one more entry written per
-- event. domain_event_comment_idx (comment_id, seq) has no reader: the webhook dispatcher reads an event by its id
-- (domain_event_id_key, which also backs webhook_delivery's foreign key), an erasure reads an author's events by site
-- and author (domain_event_site_author_idx), and the appeal stats read events by type and time, which this index
-- never served. Nothing references domain_event.comment_id. So it only cost every insert; DomainEventIndexesTest
-- checks that those queries still use an index.
DROP INDEX domain_event_comment_idx;
