-- Jobs become watchable: progress, a visitor-safe error code, a result, and a deadline for the
-- running attempt (the cron re-queues or fails jobs that pass it, e.g. after a worker restart).
ALTER TABLE jobs ADD COLUMN input TEXT; -- JSON the job works from (a report's scenario)
ALTER TABLE jobs ADD COLUMN progress_step TEXT; -- what it is doing now, in words
ALTER TABLE jobs ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN steps_total INTEGER NOT NULL DEFAULT 1;
ALTER TABLE jobs ADD COLUMN result TEXT; -- JSON shown to whoever watches the job
ALTER TABLE jobs ADD COLUMN error_code TEXT; -- maps to a message safe to show visitors
ALTER TABLE jobs ADD COLUMN deadline_at INTEGER; -- unix ms; a running attempt must end by then
CREATE INDEX jobs_state_deadline ON jobs (state, deadline_at);
CREATE INDEX jobs_subject ON jobs (subject_id);

-- The delivery log: one row per attempt of a job, for the operator console and metrics.
CREATE TABLE job_attempts (
	job_id TEXT NOT NULL,
	attempt INTEGER NOT NULL,
	started_at INTEGER NOT NULL,
	finished_at INTEGER,
	outcome TEXT CHECK (outcome IN ('succeeded', 'retrying', 'failed', 'dead', 'interrupted')),
	error TEXT,
	PRIMARY KEY (job_id, attempt)
);

-- A report's finished steps. A retry after a restart skips the steps already here.
CREATE TABLE report_steps (
	job_id TEXT NOT NULL,
	step INTEGER NOT NULL,
	rows TEXT NOT NULL, -- JSON: the table rows this step priced
	completed_at INTEGER NOT NULL,
	PRIMARY KEY (job_id, step)
);

-- Finished reports, one per report job, whatever happens to the job's messages.
CREATE TABLE reports (
	job_id TEXT PRIMARY KEY,
	calculator TEXT NOT NULL,
	title TEXT NOT NULL,
	report TEXT NOT NULL, -- JSON, for the HTML view
	markdown TEXT NOT NULL,
	csv TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

-- CRM callbacks already handled, by the CRM's event id, so a replayed event is refused.
CREATE TABLE webhook_events (
	id TEXT PRIMARY KEY,
	source TEXT NOT NULL,
	type TEXT NOT NULL,
	job_id TEXT,
	received_at INTEGER NOT NULL
);

-- Every operator action: who, what, on what, when.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	at INTEGER NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	target TEXT,
	detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

ALTER TABLE dead_letters ADD COLUMN replayed_at INTEGER;
ALTER TABLE inquiries ADD COLUMN reviewed_at INTEGER; -- when an operator released it from spam
