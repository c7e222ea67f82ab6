-- Where each job came from, so the calls it makes continue the trace of the request (or cron run)
-- that recorded it (src/server/observability/trace-scope.ts). Both NULL for jobs recorded before
-- this migration; they then start a trace of their own.
ALTER TABLE jobs ADD COLUMN traceparent TEXT; -- W3C traceparent of the recording work's span
ALTER TABLE jobs ADD COLUMN request_id TEXT; -- the request that recorded it; NULL for cron work
