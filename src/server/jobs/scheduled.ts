import { recordedJobMessage, type JobMessage, type RecordedJobMessage } from '~/lib/queue/messages';
import type { InquiriesRepo } from '../db/inquiries-repo';
import type { DeadLettersRepo } from '../db/dead-letters-repo';
import type { JobsRepo } from '../db/jobs-repo';
import { RETENTION_RULES, retentionCutoff, type RetentionDays } from '~/lib/retention';
import type { RateLimitsRepo } from '../db/rate-limits-repo';
import type { RetentionRepo } from '../db/retention-repo';
import { buryJob, type DeadJobLetter } from './outcome';
import { sendHeartbeat, type SendHeartbeatDeps } from '../health/heartbeats';
import { startPriceWatch, type StartPriceWatchDeps } from '../prices/start';

/** Jobs queued this long without being picked up (or this long past their retry time) are sent again. */
export const OVERDUE_AFTER_MS = 2 * 60_000;

/** Cron expressions from wrangler.jsonc `triggers.crons`, by purpose. */
export const CRON = {
	queueHeartbeat: '*/5 * * * *',
	privacy: '17 3 * * *',
	priceWatch: '41 6 * * *',
} as const;

/** Runs the work a cron trigger stands for. Unknown expressions are logged, not ignored. */
export async function runScheduled(
	cron: string,
	deps: Omit<SendHeartbeatDeps, 'queue'> & {
		queue: { send(message: JobMessage): Promise<unknown> };
		jobs: Pick<JobsRepo, 'listOverdue' | 'listPastDeadline' | 'expireLease'>;
		deadLetterQueue: { send(body: DeadJobLetter): Promise<unknown> };
		deadLetters: Pick<DeadLettersRepo, 'insert'>;
		inquiries: Pick<InquiriesRepo, 'redactCreatedBefore'>;
		rateLimits: Pick<RateLimitsRepo, 'deleteEnded'>;
		retention: Pick<RetentionRepo, 'deleteOlderThan'>;
		retentionDays: RetentionDays;
		redactAfterMs: number;
		priceWatch: Omit<StartPriceWatchDeps, 'now' | 'log'>;
		log: (line: Record<string, unknown>) => void;
	},
): Promise<void> {
	if (cron === CRON.queueHeartbeat) {
		const heartbeat = await sendHeartbeat(deps, 'cron');
		deps.log({ level: 'info', msg: 'cron heartbeat sent', cron, heartbeatId: heartbeat.id });
		await recoverInterruptedJobs(deps);
		await resendOverdueJobs(deps);
		return;
	}
	if (cron === CRON.privacy) {
		const cutoff = deps.now - deps.redactAfterMs;
		const redacted = await deps.inquiries.redactCreatedBefore(cutoff, deps.now);
		deps.log({ level: 'info', msg: 'old inquiries redacted', cron, redacted, cutoff });
		const counters = await inBatches((limit) => deps.rateLimits.deleteEnded(deps.now, limit));
		deps.log({ level: 'info', msg: 'ended rate-limit windows deleted', cron, deleted: counters });
		for (const rule of RETENTION_RULES) {
			const cutoff = retentionCutoff(deps.now, deps.retentionDays[rule.id]);
			const deleted = await inBatches((limit) => deps.retention.deleteOlderThan(rule.id, cutoff, limit));
			deps.log({ level: 'info', msg: 'retention applied', cron, rule: rule.id, deleted, cutoff });
		}
		return;
	}
	if (cron === CRON.priceWatch) {
		const run = new Date(deps.now).toISOString();
		const jobs = await startPriceWatch(run, { ...deps.priceWatch, now: deps.now, log: deps.log });
		deps.log({ level: 'info', msg: 'price watch started', cron, run, jobs: jobs.length });
		return;
	}
	deps.log({ level: 'warn', msg: 'no work is defined for this cron', cron });
}

/** Rows one cleanup statement deletes, and the most statements one run makes: small enough that
 * no statement holds D1 for long, bounded so one run always ends. */
export const CLEANUP_BATCH = { rows: 1000, batches: 50 } as const;

/** Runs a bounded delete until it deletes less than a full batch; returns the rows deleted. */
async function inBatches(deleteUpTo: (limit: number) => Promise<number>): Promise<number> {
	let total = 0;
	for (let batch = 0; batch < CLEANUP_BATCH.batches; batch++) {
		const deleted = await deleteUpTo(CLEANUP_BATCH.rows);
		total += deleted;
		if (deleted < CLEANUP_BATCH.rows) break;
	}
	return total;
}

/**
 * The polling fallback for lost messages: jobs still queued after OVERDUE_AFTER_MS (the enqueue
 * failed, or the message was lost) are sent again. Duplicates are harmless: a worker must claim
 * the job in D1 first, and only one can.
 */
export async function resendOverdueJobs(deps: {
	jobs: Pick<JobsRepo, 'listOverdue'>;
	queue: { send(message: RecordedJobMessage): Promise<unknown> };
	now: number;
	log: (line: Record<string, unknown>) => void;
}): Promise<number> {
	const overdue = await deps.jobs.listOverdue(deps.now, OVERDUE_AFTER_MS);
	for (const job of overdue) {
		const message = recordedJobMessage(job);
		if (message) await deps.queue.send(message);
	}
	if (overdue.length > 0) deps.log({ level: 'warn', msg: 'overdue jobs sent again', count: overdue.length });
	return overdue.length;
}

/**
 * The fallback for attempts that never reported back: a running job past its deadline lost its
 * worker (a restart, a deploy, a crash). With attempts left it is due again now and re-queued
 * (a report resumes from its last stored step); without, it is dead with a clear error.
 */
export async function recoverInterruptedJobs(deps: {
	jobs: Pick<JobsRepo, 'listPastDeadline' | 'expireLease'>;
	queue: { send(message: RecordedJobMessage): Promise<unknown> };
	deadLetterQueue: { send(body: DeadJobLetter): Promise<unknown> };
	deadLetters: Pick<DeadLettersRepo, 'insert'>;
	now: number;
	log: (line: Record<string, unknown>) => void;
}): Promise<number> {
	const stuck = await deps.jobs.listPastDeadline(deps.now);
	for (const job of stuck) {
		const lastChance = job.attempt >= job.maxAttempts;
		const error = lastChance
			? `Attempt ${job.attempt} did not finish by its deadline and no attempts are left`
			: `Attempt ${job.attempt} did not finish by its deadline (the worker stopped); sent again`;
		const moved = await deps.jobs.expireLease(job, lastChance ? 'dead' : 'retrying', deps.now, error);
		if (!moved) continue; // it finished or moved on while we looked
		const message = recordedJobMessage(job);
		if (lastChance) await buryJob(job, error, { ...deps, now: () => deps.now });
		else if (message) await deps.queue.send(message);
		deps.log({ level: 'warn', msg: 'interrupted job recovered', jobId: job.id, kind: job.kind, error });
	}
	return stuck.length;
}
