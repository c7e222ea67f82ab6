-- Queue heartbeats: a tiny message sent through the jobs queue (by the cron trigger or
-- POST /api/heartbeats). consumed_at is set by the consumer, so sent-but-never-consumed
-- rows show a stuck queue, and /api/health reports how long ago the last one got through.
CREATE TABLE heartbeats (
	id TEXT PRIMARY KEY,
	source TEXT NOT NULL CHECK (source IN ('cron', 'api')),
	sent_at INTEGER NOT NULL, -- unix ms
	consumed_at INTEGER -- unix ms, NULL until the consumer has seen it
);
CREATE INDEX heartbeats_sent_at ON heartbeats (sent_at);

-- Messages that exhausted their retries on the jobs queue. The dead-letter consumer keeps
-- each one here so the operator can inspect and replay it; nothing is dropped silently.
CREATE TABLE dead_letters (
	id TEXT PRIMARY KEY, -- the queue message id
	queue TEXT NOT NULL,
	kind TEXT, -- message kind when it could be parsed
	body TEXT NOT NULL, -- the message body as JSON
	attempts INTEGER NOT NULL,
	received_at INTEGER NOT NULL -- unix ms
);
