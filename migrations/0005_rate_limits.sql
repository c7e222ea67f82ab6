-- Rate-limit counters: one row per client key and fixed window. D1 runs one statement at a time,
-- so an upsert that adds one and returns the new count is exact under parallel bursts (see
-- docs/decisions/0006-rate-limits-in-d1.md). The daily cron deletes windows that have ended.
CREATE TABLE rate_limits (
	key TEXT NOT NULL,
	window_start INTEGER NOT NULL,
	reset_at INTEGER NOT NULL,
	count INTEGER NOT NULL,
	PRIMARY KEY (key, window_start)
) WITHOUT ROWID;

CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);
