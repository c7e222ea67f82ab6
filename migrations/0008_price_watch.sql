-- The price watch (src/server/prices/): how each price sheet's last check against its upstream
-- went, and every difference it found. One row per sheet in price_sheet_checks, replaced by each
-- check; a sheet's status (ok, drift, stale, ...) is worked out from it and its open differences
-- when read, since data goes stale with time and an acknowledgement closes a difference.
-- A difference is one row per distinct change (sheet, item, field, our value, theirs), so a
-- change seen again day after day stays one row (notified once) and a new upstream value is a
-- new row. `ours` and `theirs` are text ('' where a side has no value), as UNIQUE treats NULLs
-- as all different.
CREATE TABLE price_sheet_checks (
	sheet_id TEXT PRIMARY KEY,
	checked_at INTEGER NOT NULL,
	upstream_url TEXT NOT NULL,
	upstream_as_of INTEGER, -- when the upstream's data last changed, as far as we can tell
	validators TEXT, -- JSON: per URL, the ETag, Last-Modified and content hash of the last answer
	watched INTEGER NOT NULL DEFAULT 0, -- items the sheet has
	listed INTEGER NOT NULL DEFAULT 0, -- of those, items the upstream lists
	error TEXT, -- why the upstream could not be read; NULL when it was
	requests INTEGER NOT NULL DEFAULT 0,
	bytes INTEGER NOT NULL DEFAULT 0,
	duration_ms INTEGER NOT NULL DEFAULT 0,
	job_id TEXT
);

CREATE TABLE price_drift (
	id TEXT PRIMARY KEY,
	sheet_id TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('price', 'lifecycle', 'source')),
	item TEXT NOT NULL, -- a model, meter or size id, or a watched file
	field TEXT NOT NULL,
	ours TEXT NOT NULL,
	theirs TEXT NOT NULL,
	upstream_url TEXT NOT NULL,
	found_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	resolved_at INTEGER, -- a later check no longer saw it
	acknowledged_at INTEGER,
	acknowledged_by TEXT,
	notified_at INTEGER,
	UNIQUE (sheet_id, kind, item, field, ours, theirs)
);
-- Open differences per sheet: the console, the metrics and the "prices under review" notices.
CREATE INDEX price_drift_open ON price_drift (sheet_id, found_at) WHERE resolved_at IS NULL AND acknowledged_at IS NULL;
