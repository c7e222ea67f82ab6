import type { JobState } from '~/lib/jobs/job-state';

/** Counts for the operator console and /api/metrics, read in one round trip. */
export interface OperationsStats {
	inquiries: { status: string; count: number }[];
	jobs: { kind: string; state: JobState; count: number }[];
	/** The job waiting longest (queued, or retrying and already due), if any. */
	oldestWaiting: { id: string; kind: string; state: JobState; since: number } | null;
	oldestQueuedAt: number | null;
	deadLetters: { pending: number; replayed: number };
	attempts: { kind: string; outcome: string; count: number }[];
	webhookEvents: { type: string; count: number }[];
}

export function createStatsRepo(db: D1Database) {
	return {
		async read(now: number): Promise<OperationsStats> {
			const [inquiries, jobs, oldest, oldestQueued, letters, attempts, events] = await db.batch([
				db.prepare('SELECT status, count(*) AS count FROM inquiries GROUP BY status ORDER BY status'),
				db.prepare(
					'SELECT kind, state, count(*) AS count FROM jobs GROUP BY kind, state ORDER BY kind, state',
				),
				db
					.prepare(
						`SELECT id, kind, state, COALESCE(next_retry_at, updated_at) AS since FROM jobs
						 WHERE state = 'queued' OR (state = 'retrying' AND next_retry_at <= ?)
						 ORDER BY since LIMIT 1`,
					)
					.bind(now),
				db.prepare(`SELECT min(updated_at) AS at FROM jobs WHERE state = 'queued'`),
				db.prepare(
					'SELECT sum(replayed_at IS NULL) AS pending, sum(replayed_at IS NOT NULL) AS replayed FROM dead_letters',
				),
				db.prepare(
					`SELECT j.kind, COALESCE(a.outcome, 'running') AS outcome, count(*) AS count
					 FROM job_attempts a JOIN jobs j ON j.id = a.job_id GROUP BY j.kind, outcome ORDER BY j.kind, outcome`,
				),
				db.prepare('SELECT type, count(*) AS count FROM webhook_events GROUP BY type ORDER BY type'),
			]);
			const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];
			const letterRow = rows<{ pending: number | null; replayed: number | null }>(letters)[0];
			return {
				inquiries: rows(inquiries),
				jobs: rows(jobs),
				oldestWaiting: rows<OperationsStats['oldestWaiting']>(oldest)[0] ?? null,
				oldestQueuedAt: rows<{ at: number | null }>(oldestQueued)[0]?.at ?? null,
				deadLetters: { pending: letterRow?.pending ?? 0, replayed: letterRow?.replayed ?? 0 },
				attempts: rows(attempts),
				webhookEvents: rows(events),
			};
		},
	};
}
