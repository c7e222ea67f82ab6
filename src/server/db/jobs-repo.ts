import type { JobState } from '~/lib/jobs/job-state';

/** A background job as stored. */
export interface JobRecord {
	id: string;
	kind: string;
	subjectId: string;
	state: JobState;
	attempt: number;
	maxAttempts: number;
	nextRetryAt: number | null;
	lastError: string | null;
	createdAt: number;
	updatedAt: number;
}

interface JobRow {
	id: string;
	kind: string;
	subject_id: string;
	state: JobState;
	attempt: number;
	max_attempts: number;
	next_retry_at: number | null;
	last_error: string | null;
	created_at: number;
	updated_at: number;
}

const toRecord = (row: JobRow): JobRecord => ({
	id: row.id,
	kind: row.kind,
	subjectId: row.subject_id,
	state: row.state,
	attempt: row.attempt,
	maxAttempts: row.max_attempts,
	nextRetryAt: row.next_retry_at,
	lastError: row.last_error,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
});

/** Reads and moves jobs in D1. Every move is a conditional update on the current state. */
export function createJobsRepo(db: D1Database) {
	return {
		async find(id: string): Promise<JobRecord | null> {
			const row = await db.prepare('SELECT * FROM jobs WHERE id = ?').bind(id).first<JobRow>();
			return row ? toRecord(row) : null;
		},

		async listForSubject(subjectId: string): Promise<JobRecord[]> {
			const { results } = await db
				.prepare('SELECT * FROM jobs WHERE subject_id = ? ORDER BY kind')
				.bind(subjectId)
				.all<JobRow>();
			return results.map(toRecord);
		},

		/**
		 * Claims a job for one worker: queued or retrying becomes running, and the attempt count
		 * goes up. Returns null when another delivery of the same message already holds it.
		 */
		async claim(id: string, now: number): Promise<JobRecord | null> {
			const row = await db
				.prepare(
					`UPDATE jobs SET state = 'running', attempt = attempt + 1, updated_at = ?
					 WHERE id = ? AND state IN ('queued', 'retrying') RETURNING *`,
				)
				.bind(now, id)
				.first<JobRow>();
			return row ? toRecord(row) : null;
		},

		/** Records how a running attempt ended. */
		async settle(
			id: string,
			to: JobState,
			now: number,
			details: { error?: string | null; nextRetryAt?: number | null } = {},
		): Promise<void> {
			await db
				.prepare(
					`UPDATE jobs SET state = ?, last_error = ?, next_retry_at = ?, updated_at = ? WHERE id = ? AND state = 'running'`,
				)
				.bind(to, details.error ?? null, details.nextRetryAt ?? null, now, id)
				.run();
		},

		/** Jobs waiting longer than they should (queued and never picked up, or past their retry time). */
		async listOverdue(now: number, queuedGraceMs: number): Promise<JobRecord[]> {
			const { results } = await db
				.prepare(
					`SELECT * FROM jobs WHERE (state = 'queued' AND updated_at < ?) OR (state = 'retrying' AND next_retry_at < ?)
					 ORDER BY updated_at LIMIT 100`,
				)
				.bind(now - queuedGraceMs, now - queuedGraceMs)
				.all<JobRow>();
			return results.map(toRecord);
		},
	};
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
