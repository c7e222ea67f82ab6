import type { InquiryJobMessage, JobMessage } from '~/lib/queue/messages';
import type { InquiriesRepo } from './db/inquiries-repo';
import type { JobsRepo } from './db/jobs-repo';
import { sendHeartbeat, type SendHeartbeatDeps } from './heartbeats';

/** Jobs queued this long without being picked up (or this long past their retry time) are sent again. */
export const OVERDUE_AFTER_MS = 2 * 60_000;

/** Cron expressions from wrangler.jsonc `triggers.crons`, by purpose. */
export const CRON = { queueHeartbeat: '*/5 * * * *', privacy: '17 3 * * *' } as const;

/** Runs the work a cron trigger stands for. Unknown expressions are logged, not ignored. */
export async function runScheduled(
	cron: string,
	deps: Omit<SendHeartbeatDeps, 'queue'> & {
		queue: { send(message: JobMessage): Promise<unknown> };
		jobs: Pick<JobsRepo, 'listOverdue'>;
		inquiries: Pick<InquiriesRepo, 'redactCreatedBefore'>;
		redactAfterMs: number;
		log: (line: Record<string, unknown>) => void;
	},
): Promise<void> {
	if (cron === CRON.queueHeartbeat) {
		const heartbeat = await sendHeartbeat(deps, 'cron');
		deps.log({ level: 'info', msg: 'cron heartbeat sent', cron, heartbeatId: heartbeat.id });
		await resendOverdueJobs(deps);
		return;
	}
	if (cron === CRON.privacy) {
		const cutoff = deps.now - deps.redactAfterMs;
		const redacted = await deps.inquiries.redactCreatedBefore(cutoff, deps.now);
		deps.log({ level: 'info', msg: 'old inquiries redacted', cron, redacted, cutoff });
		return;
	}
	deps.log({ level: 'warn', msg: 'no work is defined for this cron', cron });
}

/**
 * The polling fallback for lost messages: jobs still queued after OVERDUE_AFTER_MS (the enqueue
 * failed, or the message was lost) are sent again. Duplicates are harmless: a worker must claim
 * the job in D1 first, and only one can.
 */
export async function resendOverdueJobs(deps: {
	jobs: Pick<JobsRepo, 'listOverdue'>;
	queue: { send(message: InquiryJobMessage): Promise<unknown> };
	now: number;
	log: (line: Record<string, unknown>) => void;
}): Promise<number> {
	const overdue = await deps.jobs.listOverdue(deps.now, OVERDUE_AFTER_MS);
	for (const job of overdue) {
		if (job.kind === 'crm.sync' || job.kind === 'email.notify')
			await deps.queue.send({ kind: job.kind, jobId: job.id });
	}
	if (overdue.length > 0) deps.log({ level: 'warn', msg: 'overdue jobs sent again', count: overdue.length });
	return overdue.length;
}
