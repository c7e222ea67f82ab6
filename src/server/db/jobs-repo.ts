import { statesAllowing, type JobEvent, type JobState } from '~/lib/jobs/job-state';
import type { JobSnapshot } from '~/lib/jobs/public-job';
import { jobOrigin, type JobOrigin } from '../observability/trace-scope';

/** A background job as stored, with the trace and request that recorded it. */
export interface JobRecord extends JobSnapshot, JobOrigin {
	subjectId: string;
	/** The operator's detail of the last error (hosts, statuses); never shown to visitors. */
	lastError: string | null;
	input: unknown;
	deadlineAt: number | null;
}

/** One attempt of a job, for the delivery log. */
export interface JobAttempt {
	jobId: string;
	attempt: number;
	startedAt: number;
	finishedAt: number | null;
	outcome: 'succeeded' | 'retrying' | 'failed' | 'dead' | 'interrupted' | null;
	error: string | null;
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
	error_code: string | null;
	input: string | null;
	progress_step: string | null;
	steps_done: number;
	steps_total: number;
	result: string | null;
	deadline_at: number | null;
	created_at: number;
	updated_at: number;
	traceparent: string | null;
	request_id: string | null;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const toRecord = (row: JobRow): JobRecord => ({
	id: row.id,
	kind: row.kind,
	subjectId: row.subject_id,
	state: row.state,
	attempt: row.attempt,
	maxAttempts: row.max_attempts,
	nextRetryAt: row.next_retry_at,
	lastError: row.last_error,
	errorCode: row.error_code,
	input: parse(row.input),
	progressStep: row.progress_step,
	stepsDone: row.steps_done,
	stepsTotal: row.steps_total,
	result: parse(row.result),
	deadlineAt: row.deadline_at,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
	traceparent: row.traceparent,
	requestId: row.request_id,
});

/** How a running attempt ended, for `settle`. */
export interface Settlement {
	error?: string | null;
	errorCode?: string | null;
	nextRetryAt?: number | null;
	result?: unknown;
}

/**
 * The states `event` may happen from, as an SQL list, e.g. `('queued', 'retrying')`, so each
 * conditional update follows the state machine rather than restating it. Constants, not input.
 */
export const sqlStatesAllowing = (event: JobEvent): string =>
	`(${statesAllowing(event)
		.map((state) => `'${state}'`)
		.join(', ')})`;

/** Reads and moves jobs in D1. Every move is a conditional update on the current state. */
export function createJobsRepo(db: D1Database) {
	/**
	 * The statement that records a queued job, unless its subject already has one of its kind;
	 * it returns the job's id when it recorded it.
	 */
	const insertOnceStatement = (job: {
		id: string;
		kind: string;
		subjectId: string;
		maxAttempts: number;
		now: number;
	}): D1PreparedStatement => {
		const origin = jobOrigin();
		return db
			.prepare(
				`INSERT OR IGNORE INTO jobs (id, kind, subject_id, state, attempt, max_attempts, created_at, updated_at, traceparent, request_id)
				 VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?) RETURNING id`,
			)
			.bind(
				job.id,
				job.kind,
				job.subjectId,
				job.maxAttempts,
				job.now,
				job.now,
				origin.traceparent,
				origin.requestId,
			);
	};

	/**
	 * Claims a job as `claim` does and, in the same round trip, runs `read` (e.g. the job's
	 * subject), returning its first row; null when the job could not be claimed.
	 */
	const claimAndRead = async <Row = unknown>(
		id: string,
		now: number,
		deadlineAt: number,
		step: string | null,
		read?: D1PreparedStatement,
	): Promise<{ job: JobRecord; row: Row | null } | null> => {
		// One round trip. If another worker holds the job, its attempt already has a log row
		// (written in the same transaction as its claim), so INSERT OR IGNORE adds nothing.
		const [claimed, , alongside] = await db.batch<JobRow>([
			db
				.prepare(
					`UPDATE jobs SET state = 'running', attempt = attempt + 1, updated_at = ?, deadline_at = ?,
					 progress_step = COALESCE(?, progress_step)
					 WHERE id = ? AND state IN ${sqlStatesAllowing('start')} RETURNING *`,
				)
				.bind(now, deadlineAt, step, id),
			db
				.prepare(
					`INSERT OR IGNORE INTO job_attempts (job_id, attempt, started_at)
					 SELECT id, attempt, ? FROM jobs WHERE id = ? AND state = 'running'`,
				)
				.bind(now, id),
			...(read ? [read] : []),
		]);
		const row = claimed?.results[0];
		if (!row) return null;
		return { job: toRecord(row), row: (alongside?.results[0] as Row | undefined) ?? null };
	};

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

		/** The jobs of several subjects in one query, e.g. all of one person's inquiries. */
		async listForSubjects(subjectIds: readonly string[]): Promise<JobRecord[]> {
			const { results } = await db
				.prepare('SELECT * FROM jobs WHERE subject_id IN (SELECT value FROM json_each(?)) ORDER BY kind')
				.bind(JSON.stringify(subjectIds))
				.all<JobRow>();
			return results.map(toRecord);
		},

		/** Records a new job (a report); inquiry jobs are inserted with their inquiry. */
		/**
		 * Records queued jobs, each unless one of its kind already has its subject (a repeated
		 * run of the same cron). Returns the ids of those it recorded.
		 */
		async insertNew(
			jobs: readonly { id: string; kind: string; subjectId: string; maxAttempts: number }[],
			now: number,
		): Promise<string[]> {
			if (jobs.length === 0) return [];
			const results = await db.batch<{ id: string }>(jobs.map((job) => insertOnceStatement({ ...job, now })));
			return results.flatMap((result) => result.results.map((row) => row.id));
		},

		async insert(job: {
			id: string;
			kind: string;
			subjectId: string;
			maxAttempts: number;
			input: unknown;
			stepsTotal: number;
			now: number;
		}): Promise<void> {
			const origin = jobOrigin();
			await db
				.prepare(
					`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, input, steps_total, created_at, updated_at, traceparent, request_id)
					 VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?)`,
				)
				.bind(
					job.id,
					job.kind,
					job.subjectId,
					job.maxAttempts,
					JSON.stringify(job.input),
					job.stepsTotal,
					job.now,
					job.now,
					origin.traceparent,
					origin.requestId,
				)
				.run();
		},

		/**
		 * Claims a job for one worker: queued or retrying becomes running, the attempt count goes
		 * up, the attempt must end by `deadlineAt`, and the delivery log gets a row. Returns null
		 * when another delivery of the same message already holds it.
		 */
		async claim(
			id: string,
			now: number,
			deadlineAt: number,
			step: string | null = null,
		): Promise<JobRecord | null> {
			return (await claimAndRead(id, now, deadlineAt, step))?.job ?? null;
		},

		claimAndRead,

		/** Records a finished step of a running job. */
		async recordProgress(id: string, stepsDone: number, step: string, now: number): Promise<void> {
			await db
				.prepare(
					`UPDATE jobs SET steps_done = ?, progress_step = ?, updated_at = ? WHERE id = ? AND state = 'running'`,
				)
				.bind(stepsDone, step, now, id)
				.run();
		},

		/** Records how a running attempt ended, in the job and in its delivery-log row. */
		async settle(
			id: string,
			attempt: number,
			to: JobState,
			now: number,
			details: Settlement = {},
		): Promise<void> {
			const outcome = to === 'running' || to === 'queued' ? null : to;
			await db.batch([
				db
					.prepare(
						`UPDATE jobs SET state = ?, last_error = ?, error_code = ?, next_retry_at = ?, deadline_at = NULL,
						 result = COALESCE(?, result), updated_at = ? WHERE id = ? AND state = 'running'`,
					)
					.bind(
						to,
						details.error ?? null,
						details.errorCode ?? null,
						details.nextRetryAt ?? null,
						details.result === undefined ? null : JSON.stringify(details.result),
						now,
						id,
					),
				db
					.prepare(
						'UPDATE job_attempts SET finished_at = ?, outcome = ?, error = ? WHERE job_id = ? AND attempt = ? AND finished_at IS NULL',
					)
					.bind(now, outcome, details.error ?? null, id, attempt),
			]);
		},

		/**
		 * The attempt of a running job that passed its deadline (its worker stopped): it goes back
		 * to `retrying` due now, or to `dead` when it has no attempts left. Returns true if it moved,
		 * false if the job moved on meanwhile.
		 */
		async expireLease(job: JobRecord, to: 'retrying' | 'dead', now: number, error: string): Promise<boolean> {
			const [update] = await db.batch([
				db
					.prepare(
						`UPDATE jobs SET state = ?, last_error = ?, error_code = 'interrupted', next_retry_at = ?, deadline_at = NULL,
						 updated_at = ? WHERE id = ? AND state = 'running' AND attempt = ? AND deadline_at < ?`,
					)
					.bind(to, error, to === 'retrying' ? now : null, now, job.id, job.attempt, now),
				db
					.prepare(
						`UPDATE job_attempts SET finished_at = ?, outcome = 'interrupted', error = ? WHERE job_id = ? AND attempt = ? AND finished_at IS NULL`,
					)
					.bind(now, error, job.id, job.attempt),
			]);
			return (update?.meta.changes ?? 0) > 0;
		},

		/**
		 * The statement that sends a dead or failed job round again with a fresh set of attempts
		 * (the delivery log keeps the earlier ones), to batch with its audit entry.
		 */
		replayStatement(id: string, now: number): D1PreparedStatement {
			return db
				.prepare(
					`UPDATE jobs SET state = 'queued', attempt = 0, next_retry_at = NULL, error_code = NULL, deadline_at = NULL,
					 updated_at = ? WHERE id = ? AND state IN ${sqlStatesAllowing('replay')}`,
				)
				.bind(now, id);
		},

		/**
		 * The statement that stops a subject's jobs of `kinds` that have not started (an erasure:
		 * the lead must not reach the CRM or the team any more), to batch with it.
		 */
		cancelPendingStatement(subjectId: string, kinds: readonly string[], now: number): D1PreparedStatement {
			return db
				.prepare(
					`UPDATE jobs SET state = 'failed', last_error = 'Cancelled: the person asked us to erase their inquiry',
					 error_code = 'erased', next_retry_at = NULL, updated_at = ?
					 WHERE subject_id = ? AND kind IN (SELECT value FROM json_each(?)) AND state IN ${sqlStatesAllowing('cancel')}`,
				)
				.bind(now, subjectId, JSON.stringify(kinds));
		},

		insertOnceStatement,

		/** Whether an attempt of the subject's job of `kind` is running right now. */
		async isRunning(subjectId: string, kind: string): Promise<boolean> {
			const row = await db
				.prepare(`SELECT 1 AS running FROM jobs WHERE subject_id = ? AND kind = ? AND state = 'running'`)
				.bind(subjectId, kind)
				.first<{ running: number }>();
			return row !== null;
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

		/** Running jobs whose attempt passed its deadline: their worker stopped mid-way. */
		async listPastDeadline(now: number): Promise<JobRecord[]> {
			const { results } = await db
				.prepare(
					`SELECT * FROM jobs WHERE state = 'running' AND deadline_at < ? ORDER BY deadline_at LIMIT 100`,
				)
				.bind(now)
				.all<JobRow>();
			return results.map(toRecord);
		},

		/** How many jobs are in each state (states with none are left out). */
		async countByState(): Promise<Partial<Record<JobState, number>>> {
			const { results } = await db
				.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state')
				.all<{ state: JobState; n: number }>();
			return Object.fromEntries(results.map((row) => [row.state, row.n]));
		},

		async listByState(state: JobState, limit = 100): Promise<JobRecord[]> {
			const { results } = await db
				.prepare('SELECT * FROM jobs WHERE state = ? ORDER BY updated_at DESC LIMIT ?')
				.bind(state, limit)
				.all<JobRow>();
			return results.map(toRecord);
		},

		/** The delivery log of every job about one subject, oldest attempt first. */
		async attemptsForSubject(subjectId: string): Promise<(JobAttempt & { kind: string })[]> {
			const { results } = await db
				.prepare(
					`SELECT a.*, j.kind FROM job_attempts a JOIN jobs j ON j.id = a.job_id
					 WHERE j.subject_id = ? ORDER BY a.started_at, a.attempt`,
				)
				.bind(subjectId)
				.all<{
					job_id: string;
					attempt: number;
					started_at: number;
					finished_at: number | null;
					outcome: JobAttempt['outcome'];
					error: string | null;
					kind: string;
				}>();
			return results.map((row) => ({
				jobId: row.job_id,
				kind: row.kind,
				attempt: row.attempt,
				startedAt: row.started_at,
				finishedAt: row.finished_at,
				outcome: row.outcome,
				error: row.error,
			}));
		},
	};
}

export type JobsRepo = ReturnType<typeof createJobsRepo>;
