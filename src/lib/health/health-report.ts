/** What a dependency check found. */
export type CheckOutcome = { ok: true } | { ok: false; error: string };

/** Queue liveness, judged from the last heartbeat the consumer processed. */
export type QueueHealth = 'ok' | 'stale' | 'no-heartbeat-yet' | 'unknown';

/** Dependencies the site cannot serve without; any failing one makes health 503. */
export type CriticalCheck = 'db' | 'kv';

/** How full the database is: `near-limit` from STORAGE_WARNING_SHARE of its size limit. */
export type StorageHealth = 'ok' | 'near-limit' | 'unknown';

/** Share of the database's size limit at which health warns, well before writes start failing. */
export const STORAGE_WARNING_SHARE = 0.8;

/** Body of `GET /api/health`. */
export interface HealthReport {
	status: 'ok' | 'failing';
	checks: Record<CriticalCheck, 'ok' | 'failing'> & { queue: QueueHealth; storage: StorageHealth };
	version: string;
	/** Why each failing check failed, keyed by check name. */
	errors?: Partial<Record<CriticalCheck, string>>;
	/** Age in seconds of the last heartbeat that made it through the queue. */
	queueLastHeartbeatAgeSeconds?: number;
	/** How much of the database's size limit is used, in percent. */
	storageUsedPercent?: number;
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
 * Builds the health report and its HTTP status. D1 and KV decide the status: the site cannot
 * serve without them. A slow queue delays background work but loses nothing (messages wait
 * in the queue), so it is reported rather than failed on, as is a database nearing its size
 * limit (writes still work until it is full). `lastHeartbeatConsumedAt` and `databaseBytes` are
 * undefined when D1 could not be asked.
 */
export function createHealthReport(input: {
	critical: Record<CriticalCheck, CheckOutcome>;
	lastHeartbeatConsumedAt: number | null | undefined;
	now: number;
	queueStaleAfterMs: number;
	version: string;
	databaseBytes?: number | undefined;
	databaseLimitBytes: number;
}): { httpStatus: 200 | 503; report: HealthReport } {
	const { critical, lastHeartbeatConsumedAt, now } = input;
	const errors: Partial<Record<CriticalCheck, string>> = {};
	for (const [name, outcome] of Object.entries(critical) as [CriticalCheck, CheckOutcome][]) {
		if (!outcome.ok) errors[name] = outcome.error;
	}
	const healthy = Object.keys(errors).length === 0;
	const report: HealthReport = {
		status: healthy ? 'ok' : 'failing',
		checks: {
			db: critical.db.ok ? 'ok' : 'failing',
			kv: critical.kv.ok ? 'ok' : 'failing',
			queue:
				lastHeartbeatConsumedAt === undefined
					? 'unknown'
					: describeQueueHealth(lastHeartbeatConsumedAt, now, input.queueStaleAfterMs),
			storage:
				input.databaseBytes === undefined
					? 'unknown'
					: input.databaseBytes >= input.databaseLimitBytes * STORAGE_WARNING_SHARE
						? 'near-limit'
						: 'ok',
		},
		version: input.version,
	};
	if (!healthy) report.errors = errors;
	if (typeof lastHeartbeatConsumedAt === 'number') {
		report.queueLastHeartbeatAgeSeconds = Math.max(0, Math.round((now - lastHeartbeatConsumedAt) / 1000));
	}
	if (input.databaseBytes !== undefined)
		report.storageUsedPercent = Math.round((input.databaseBytes / input.databaseLimitBytes) * 1000) / 10;
	return { httpStatus: healthy ? 200 : 503, report };
}
