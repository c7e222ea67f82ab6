import type { MetricFamily } from './prometheus.ts';

/** The counts /api/metrics reports (read from D1 by src/server/db/stats-repo.ts). */
export interface OperationsCounts {
	inquiries: { status: string; count: number }[];
	jobs: { kind: string; state: string; count: number }[];
	oldestQueuedAt: number | null;
	deadLetters: { pending: number; replayed: number };
	attempts: { kind: string; outcome: string; count: number }[];
	webhookEvents: { type: string; count: number }[];
	/** The database's size and the rows of each table that grows with use. */
	database: { bytes: number; limitBytes: number; rows: Record<string, number> };
}

/** Attempt outcomes that count as a failed delivery. */
const FAILED_OUTCOMES = new Set(['retrying', 'failed', 'dead', 'interrupted']);

/**
 * The operations metrics: inquiries received and spam, jobs by kind and state, dead jobs and
 * letters, the age of the oldest queued job, delivery attempts and failures, CRM callbacks.
 */
export function operationsMetrics(counts: OperationsCounts, now: number): MetricFamily[] {
	const byKind = new Map<string, number>();
	for (const row of counts.attempts)
		if (FAILED_OUTCOMES.has(row.outcome)) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + row.count);
	const deadJobs = counts.jobs.filter((row) => row.state === 'dead').reduce((sum, row) => sum + row.count, 0);
	return [
		{
			name: 'loadbearing_inquiries_total',
			help: 'Inquiries stored, by status (received or spam).',
			type: 'counter',
			samples: ['received', 'spam'].map((status) => ({
				labels: { status },
				value: counts.inquiries.find((row) => row.status === status)?.count ?? 0,
			})),
		},
		{
			name: 'loadbearing_jobs',
			help: 'Background jobs by kind and state.',
			type: 'gauge',
			samples: counts.jobs.map((row) => ({ labels: { kind: row.kind, state: row.state }, value: row.count })),
		},
		{
			name: 'loadbearing_dead_jobs',
			help: 'Jobs that ran out of attempts and await replay.',
			type: 'gauge',
			samples: [{ value: deadJobs }],
		},
		{
			name: 'loadbearing_dead_letters',
			help: 'Dead-letter records, by whether they were replayed.',
			type: 'gauge',
			samples: [
				{ labels: { replayed: 'false' }, value: counts.deadLetters.pending },
				{ labels: { replayed: 'true' }, value: counts.deadLetters.replayed },
			],
		},
		{
			name: 'loadbearing_oldest_queued_job_age_seconds',
			help: 'How long the oldest job still queued has waited (0 when none is).',
			type: 'gauge',
			samples: [
				{
					value:
						counts.oldestQueuedAt === null
							? 0
							: Math.max(0, Math.round((now - counts.oldestQueuedAt) / 1000)),
				},
			],
		},
		{
			name: 'loadbearing_delivery_attempts_total',
			help: 'Job attempts, by kind and outcome (running: not finished yet).',
			type: 'counter',
			samples: counts.attempts.map((row) => ({
				labels: { kind: row.kind, outcome: row.outcome },
				value: row.count,
			})),
		},
		{
			name: 'loadbearing_delivery_failures_total',
			help: 'Job attempts that did not succeed (retried, failed, dead or interrupted), by kind.',
			type: 'counter',
			samples: [...byKind].map(([kind, value]) => ({ labels: { kind }, value })),
		},
		{
			name: 'loadbearing_webhook_events_total',
			help: 'CRM callbacks accepted, by event type.',
			type: 'counter',
			samples: counts.webhookEvents.map((row) => ({ labels: { type: row.type }, value: row.count })),
		},
		{
			name: 'loadbearing_database_bytes',
			help: 'Size of the D1 database; every write fails once it reaches loadbearing_database_limit_bytes.',
			type: 'gauge',
			samples: [{ value: counts.database.bytes }],
		},
		{
			name: 'loadbearing_database_limit_bytes',
			help: 'Most a D1 database may hold (content/pricing/database-cloudflare-d1.yaml).',
			type: 'gauge',
			samples: [{ value: counts.database.limitBytes }],
		},
		{
			name: 'loadbearing_table_rows',
			help: 'Rows in each table that grows with use; the daily cron keeps them bounded.',
			type: 'gauge',
			samples: Object.entries(counts.database.rows).map(([table, value]) => ({ labels: { table }, value })),
		},
	];
}
