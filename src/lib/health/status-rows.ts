import type { HealthReport } from './health-report.ts';

/** One row of the public status page, in plain words. */
export interface StatusRow {
	check: string;
	state: 'Working' | 'Failing' | 'Delayed' | 'Waiting' | 'Unknown';
	tone: 'ok' | 'failing' | 'idle';
	detail: string;
}

const QUEUE_ROWS = {
	ok: { state: 'Working', tone: 'ok', detail: 'Background jobs are being processed.' },
	stale: {
		state: 'Delayed',
		tone: 'failing',
		detail: 'Background jobs are delayed. Nothing is lost: queued work runs when processing catches up.',
	},
	'no-heartbeat-yet': {
		state: 'Waiting',
		tone: 'idle',
		detail: 'No background heartbeat has been processed yet.',
	},
	unknown: { state: 'Unknown', tone: 'idle', detail: 'Cannot tell while the database is failing.' },
} as const;

/**
 * Turns the health report into the rows a visitor reads on /status.
 * @example toStatusRows(report)[0] // => { check: 'Database', state: 'Working', tone: 'ok', detail: 'Answers queries.' }
 */
export function toStatusRows(report: HealthReport): StatusRow[] {
	const critical = (check: string, name: 'db' | 'kv', working: string): StatusRow =>
		report.checks[name] === 'ok'
			? { check, state: 'Working', tone: 'ok', detail: working }
			: { check, state: 'Failing', tone: 'failing', detail: report.errors?.[name] ?? 'Not answering.' };
	const queue = QUEUE_ROWS[report.checks.queue];
	const age = report.queueLastHeartbeatAgeSeconds;
	return [
		critical('Database', 'db', 'Answers queries.'),
		critical('Key-value store', 'kv', 'Answers reads.'),
		{
			check: 'Background jobs',
			...queue,
			detail: age === undefined ? queue.detail : `${queue.detail} Last heartbeat ${age} s ago.`,
		},
	];
}
