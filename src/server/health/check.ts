import { createHealthReport, type CheckOutcome } from '~/lib/health/health-report';
import type { DatabaseRepo } from '../db/database-repo';
import type { HeartbeatsRepo } from '../db/heartbeats-repo';

/** Key read by the KV check; it need not exist, the read only has to succeed. */
const KV_PROBE_KEY = 'health:probe';

/**
 * Asks D1 a real query (the last consumed heartbeat) and KV a real read, and builds the
 * health report. A missing table counts as failing: it means migrations were not applied.
 */
export async function checkHealth(deps: {
	heartbeats: HeartbeatsRepo;
	database: Pick<DatabaseRepo, 'sizeBytes'>;
	databaseLimitBytes: number;
	kv: { get(key: string): Promise<string | null> };
	now: () => number;
	queueStaleAfterMs: number;
	version: string;
}) {
	const [dbResult, kv, size] = await Promise.all([
		attempt(() => deps.heartbeats.lastConsumedAt(), describeDbError),
		attempt(
			() => deps.kv.get(KV_PROBE_KEY),
			() => 'KV did not answer a read',
		),
		attempt(() => deps.database.sizeBytes(), describeDbError),
	]);
	return createHealthReport({
		critical: { db: dbResult.outcome, kv: kv.outcome },
		lastHeartbeatConsumedAt: dbResult.outcome.ok ? dbResult.value : undefined,
		now: deps.now(),
		queueStaleAfterMs: deps.queueStaleAfterMs,
		version: deps.version,
		databaseBytes: size.outcome.ok ? size.value : undefined,
		databaseLimitBytes: deps.databaseLimitBytes,
	});
}

async function attempt<T>(
	check: () => Promise<T>,
	describe: (error: unknown) => string,
): Promise<{ outcome: CheckOutcome; value?: T }> {
	try {
		return { outcome: { ok: true }, value: await check() };
	} catch (error) {
		return { outcome: { ok: false, error: describe(error) } };
	}
}

/** A short, safe description of a D1 failure for the health body (no SQL, no stack). */
function describeDbError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/no such table/i.test(message)) return 'D1 answered, but the schema is missing: apply the migrations';
	return 'D1 did not answer the health query';
}
