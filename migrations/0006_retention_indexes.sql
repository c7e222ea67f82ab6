-- Indexes behind the daily retention deletes (src/lib/retention.ts) and /api/health, so each
-- runs as a range scan however large the table grows, never a full scan.
CREATE INDEX heartbeats_consumed_at ON heartbeats (consumed_at);
CREATE INDEX job_attempts_finished_at ON job_attempts (finished_at);
CREATE INDEX webhook_events_received_at ON webhook_events (received_at);
CREATE INDEX inquiries_status_created_at ON inquiries (status, created_at);
CREATE INDEX dead_letters_replayed_at ON dead_letters (replayed_at);
