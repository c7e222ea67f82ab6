import type { AppConfig } from '~/lib/config/app-config';
import { retryDelayMs } from '~/lib/jobs/backoff';
import type { JobErrorCode } from '~/lib/jobs/job-errors';
import { nextJobState } from '~/lib/jobs/job-state';
import type { DeadLettersRepo } from '../db/dead-letters-repo';
import type { JobRecord, JobsRepo } from '../db/jobs-repo';

/** What a dead job leaves on the dead-letter queue. */
export interface DeadJobLetter {
	kind: string;
	jobId: string;
	subjectId: string;
	attempts: number;
	lastError: string | null;
}

/** What the queue should do with the message that carried the job. */
export type JobVerdict = { action: 'ack' } | { action: 'retry'; delaySeconds: number; reason: string };

export interface OutcomeDeps {
	jobs: Pick<JobsRepo, 'settle'>;
	/** Dead jobs go to the dead-letter queue, whose consumer keeps them in `dead_letters`. */
	deadLetterQueue: { send(body: DeadJobLetter): Promise<unknown> };
	/** Used directly only if the dead-letter queue cannot be reached, so the record is never lost. */
	deadLetters: Pick<DeadLettersRepo, 'insert'>;
	config: AppConfig;
	now: () => number;
	random: () => number;
	log: (line: Record<string, unknown>) => void;
}

/** A failed attempt: retryable (timeouts, 429, 5xx, a crash) or permanent (it will fail again). */
export interface AttemptFailure {
	retryable: boolean;
	/** The operator's detail; visitors see only the message for `code`. */
	error: string;
	code: JobErrorCode;
	/** The service asked for at least this long before the next attempt (its Retry-After). */
	waitAtLeastMs?: number | null;
}

/**
 * Records a failed attempt with the state machine: permanent failures stop, retryable ones come
 * back after a jittered, growing delay until the job runs out of attempts and is dead.
 */
export async function recordFailure(
	job: JobRecord,
	failure: AttemptFailure,
	deps: OutcomeDeps,
): Promise<JobVerdict> {
	const now = deps.now();
	const logged = { jobId: job.id, kind: job.kind, attempt: job.attempt, error: failure.error };
	const details = { error: failure.error, errorCode: failure.code };
	if (!failure.retryable) {
		await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'fail-permanent'), now, details);
		deps.log({ level: 'error', msg: 'job failed permanently', ...logged });
		return { action: 'ack' };
	}
	if (job.attempt >= job.maxAttempts) {
		await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'exhaust'), now, details);
		await buryJob(job, failure.error, deps);
		deps.log({ level: 'error', msg: 'job dead after its last attempt', ...logged });
		return { action: 'ack' };
	}
	const delayMs = Math.max(
		failure.waitAtLeastMs ?? 0,
		retryDelayMs(
			job.attempt,
			{ baseMs: deps.config.jobs.retryBaseMs, maxMs: deps.config.jobs.retryMaxMs },
			deps.random,
		),
	);
	await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'fail-retryable'), now, {
		...details,
		nextRetryAt: now + delayMs,
	});
	deps.log({ level: 'warn', msg: 'job will retry', ...logged, delayMs });
	// Queues take whole seconds; at least one so a failing service is not hammered.
	return { action: 'retry', delaySeconds: Math.max(1, Math.ceil(delayMs / 1000)), reason: failure.error };
}

/** Sends a dead job to the dead-letter queue, or writes the record itself if the queue fails. */
export async function buryJob(
	job: Pick<JobRecord, 'id' | 'kind' | 'subjectId' | 'attempt'>,
	error: string | null,
	deps: Pick<OutcomeDeps, 'deadLetterQueue' | 'deadLetters' | 'now'>,
): Promise<void> {
	const letter: DeadJobLetter = {
		kind: job.kind,
		jobId: job.id,
		subjectId: job.subjectId,
		attempts: job.attempt,
		lastError: error,
	};
	try {
		await deps.deadLetterQueue.send(letter);
	} catch {
		await deps.deadLetters.insert({
			id: `job:${job.id}:${job.attempt}`,
			queue: 'loadbearing-jobs',
			kind: job.kind,
			body: letter,
			attempts: job.attempt,
			receivedAt: deps.now(),
		});
	}
}
