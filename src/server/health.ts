import { createHealthReport, type CheckOutcome } from '~/lib/health/health-report';
import type { HeartbeatsRepo } from './db/heartbeats-repo';

/**
 * Asks D1 a real query (the last consumed heartbeat) and builds the health report.
 * A missing table counts as failing: it means migrations were not applied.
 */
export async function checkHealth(deps: {
	heartbeats: HeartbeatsRepo;
	now: () => number;
	queueStaleAfterMs: number;
	version: string;
}) {
	let db: CheckOutcome;
	let lastHeartbeatConsumedAt: number | null = null;
	try {
		lastHeartbeatConsumedAt = await deps.heartbeats.lastConsumedAt();
		db = { ok: true };
	} catch (error) {
		db = { ok: false, error: describeDbError(error) };
	}
	return createHealthReport({
		db,
		lastHeartbeatConsumedAt,
		now: deps.now(),
		queueStaleAfterMs: deps.queueStaleAfterMs,
		version: deps.version,
	});
}

/** A short, safe description of a D1 failure for the health body (no SQL, no stack). */
function describeDbError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/no such table/i.test(message)) return 'D1 answered, but the schema is missing: apply the migrations';
	return 'D1 did not answer the health query';
}
