import type { AppConfig } from '~/lib/config/app-config';
import type { DeliveryResult } from './integrations/deliver';
import { retryDelayMs } from '~/lib/jobs/backoff';
import { nextJobState } from '~/lib/jobs/job-state';
import type { DeadLettersRepo } from './db/dead-letters-repo';
import type { InquiriesRepo, InquiryRecord } from './db/inquiries-repo';
import type { JobsRepo } from './db/jobs-repo';

export interface RunJobDeps {
	jobs: JobsRepo;
	inquiries: InquiriesRepo;
	/** Dead jobs go to the dead-letter queue, whose consumer keeps them in `dead_letters`. */
	deadLetterQueue: { send(body: DeadJobLetter): Promise<unknown> };
	/** Used directly only if the dead-letter queue cannot be reached, so the record is never lost. */
	deadLetters: Pick<DeadLettersRepo, 'insert'>;
	config: AppConfig;
	now: () => number;
	random: () => number;
	deliver: Record<'crm.sync' | 'email.notify', (inquiry: InquiryRecord) => Promise<DeliveryResult>>;
	log: (line: Record<string, unknown>) => void;
}

/** What a dead job leaves on the dead-letter queue. */
export interface DeadJobLetter {
	kind: 'crm.sync' | 'email.notify';
	jobId: string;
	subjectId: string;
	attempts: number;
	lastError: string | null;
}

/** What the queue should do with the message that carried the job. */
export type JobVerdict = { action: 'ack' } | { action: 'retry'; delaySeconds: number; reason: string };

/**
 * Runs one attempt of an inquiry job: claim it (so a duplicate delivery does nothing), call the
 * outside service, and record the outcome with the state machine. Retryable failures come back
 * after a jittered, growing delay until the job runs out of attempts and is dead.
 */
export async function runInquiryJob(
	kind: 'crm.sync' | 'email.notify',
	jobId: string,
	deps: RunJobDeps,
): Promise<JobVerdict> {
	const job = await deps.jobs.claim(jobId, deps.now());
	if (!job) {
		deps.log({
			level: 'info',
			msg: 'job not claimable (finished or already running); message dropped as a duplicate',
			jobId,
		});
		return { action: 'ack' };
	}
	const inquiry = await deps.inquiries.find(job.subjectId);
	const result: DeliveryResult = inquiry
		? await deps.deliver[kind](inquiry)
		: { outcome: 'permanent-failure', error: 'Inquiry not found' };
	const now = deps.now();

	if (result.outcome === 'success') {
		await deps.jobs.settle(job.id, nextJobState('running', 'succeed'), now);
		deps.log({ level: 'info', msg: 'job succeeded', jobId, kind, attempt: job.attempt });
		return { action: 'ack' };
	}
	if (result.outcome === 'permanent-failure') {
		await deps.jobs.settle(job.id, nextJobState('running', 'fail-permanent'), now, { error: result.error });
		deps.log({
			level: 'error',
			msg: 'job failed permanently',
			jobId,
			kind,
			attempt: job.attempt,
			error: result.error,
		});
		return { action: 'ack' };
	}
	if (job.attempt >= job.maxAttempts) {
		await deps.jobs.settle(job.id, nextJobState('running', 'exhaust'), now, { error: result.error });
		const letter: DeadJobLetter = {
			kind,
			jobId: job.id,
			subjectId: job.subjectId,
			attempts: job.attempt,
			lastError: result.error ?? null,
		};
		try {
			await deps.deadLetterQueue.send(letter);
		} catch {
			const record = { id: `job:${job.id}`, queue: 'loadbearing-jobs', kind, body: letter };
			await deps.deadLetters.insert({ ...record, attempts: job.attempt, receivedAt: now });
		}
		deps.log({
			level: 'error',
			msg: 'job dead after its last attempt',
			jobId,
			kind,
			attempt: job.attempt,
			error: result.error,
		});
		return { action: 'ack' };
	}
	const delayMs = retryDelayMs(
		job.attempt,
		{ baseMs: deps.config.jobs.retryBaseMs, maxMs: deps.config.jobs.retryMaxMs },
		deps.random,
	);
	await deps.jobs.settle(job.id, nextJobState('running', 'fail-retryable'), now, {
		error: result.error,
		nextRetryAt: now + delayMs,
	});
	deps.log({
		level: 'warn',
		msg: 'job will retry',
		jobId,
		kind,
		attempt: job.attempt,
		delayMs,
		error: result.error,
	});
	// Queues take whole seconds; at least one so a failing service is not hammered.
	return {
		action: 'retry',
		delaySeconds: Math.max(1, Math.ceil(delayMs / 1000)),
		reason: result.error ?? 'retryable failure',
	};
}
