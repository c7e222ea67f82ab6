-- Project inquiries from the contact form and API. Personal fields are nullable so the privacy
-- cron can remove them from old inquiries while keeping the row (and the counts).
CREATE TABLE inquiries (
	id TEXT PRIMARY KEY, -- random, unguessable: it appears in receipt URLs
	created_at INTEGER NOT NULL, -- unix ms
	name TEXT,
	email TEXT,
	company TEXT,
	project_type TEXT NOT NULL,
	budget TEXT NOT NULL,
	timeline TEXT NOT NULL,
	message TEXT,
	status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'spam')),
	ip_hash TEXT, -- salted hash of the client IP, never the IP itself
	idempotency_key TEXT UNIQUE, -- a retry with the same key returns this inquiry
	redacted_at INTEGER -- when personal fields were removed
);
CREATE INDEX inquiries_created_at ON inquiries (created_at);

-- Background work, one row per job; the queue message carries only the job id.
CREATE TABLE jobs (
	id TEXT PRIMARY KEY,
	kind TEXT NOT NULL, -- 'crm.sync', 'email.notify', ...
	subject_id TEXT NOT NULL, -- what it is about, e.g. an inquiry id
	state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'retrying', 'succeeded', 'failed', 'dead')),
	attempt INTEGER NOT NULL DEFAULT 0,
	max_attempts INTEGER NOT NULL,
	next_retry_at INTEGER, -- unix ms
	last_error TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (kind, subject_id) -- one CRM sync and one notification per inquiry, ever
);
CREATE INDEX jobs_state_updated ON jobs (state, updated_at);
