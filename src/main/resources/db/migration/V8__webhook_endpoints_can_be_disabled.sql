-- A disabled webhook endpoint is owed no new event and sent nothing until it is enabled again (docs/webhooks.md).
ALTER TABLE webhook_endpoint ADD COLUMN disabled_at TIMESTAMPTZ;
