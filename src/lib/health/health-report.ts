/** What a dependency check found. */
export type CheckOutcome = { ok: true; detail?: string } | { ok: false; error: string };

/** Queue liveness, judged from the last heartbeat the consumer processed. */
export type QueueHealth = 'ok' | 'stale' | 'no-heartbeat-yet';

/** Body of `GET /api/health`. */
export interface HealthReport {
	status: 'ok' | 'failing';
	checks: { db: 'ok' | 'failing'; queue: QueueHealth };
	version: string;
	/** Why each failing check failed, keyed by check name. */
	errors?: Record<string, string>;
	/** Age in seconds of the last heartbeat that made it through the queue. */
	queueLastHeartbeatAgeSeconds?: number;
}

/**
 * Judges queue liveness from when the consumer last processed a heartbeat.
 * @example describeQueueHealth(1_000, 61_000, 900_000) // => 'ok'
 */
export function describeQueueHealth(
	lastConsumedAt: number | null,
	now: number,
	staleAfterMs: number,
): QueueHealth {
	if (lastConsumedAt === null) return 'no-heartbeat-yet';
	return now - lastConsumedAt <= staleAfterMs ? 'ok' : 'stale';
}

/**
 * Builds the health report and its HTTP status. Only the database decides the status: the
 * site cannot serve without it, while a slow queue delays background work but loses nothing
 * (messages wait in the queue), so it is reported rather than failed on.
 */
export function createHealthReport(input: {
	db: CheckOutcome;
	lastHeartbeatConsumedAt: number | null;
	now: number;
	queueStaleAfterMs: number;
	version: string;
}): { httpStatus: 200 | 503; report: HealthReport } {
	const { db, lastHeartbeatConsumedAt, now } = input;
	const queue = db.ok
		? describeQueueHealth(lastHeartbeatConsumedAt, now, input.queueStaleAfterMs)
		: 'no-heartbeat-yet';
	const report: HealthReport = {
		status: db.ok ? 'ok' : 'failing',
		checks: { db: db.ok ? 'ok' : 'failing', queue },
		version: input.version,
	};
	if (!db.ok) report.errors = { db: db.error };
	if (db.ok && lastHeartbeatConsumedAt !== null) {
		report.queueLastHeartbeatAgeSeconds = Math.max(0, Math.round((now - lastHeartbeatConsumedAt) / 1000));
	}
	return { httpStatus: db.ok ? 200 : 503, report };
}
