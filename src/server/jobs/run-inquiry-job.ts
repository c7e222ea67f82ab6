import { nextJobState } from '~/lib/jobs/job-state';
import type { InquiriesRepo, InquiryRecord } from '../db/inquiries-repo';
import type { JobsRepo } from '../db/jobs-repo';
import type { DeliveryResult } from '../integrations/deliver';
import { recordFailure, type JobVerdict, type OutcomeDeps } from './outcome';

export interface RunJobDeps extends OutcomeDeps {
	jobs: JobsRepo;
	inquiries: InquiriesRepo;
	deliver: Record<'crm.sync' | 'email.notify', (inquiry: InquiryRecord) => Promise<DeliveryResult>>;
}

/** What the job's progress says while its attempt runs. */
const STEP_LABELS = { 'crm.sync': 'Sending to our CRM', 'email.notify': 'Notifying our team' } as const;

/**
 * Runs one attempt of an inquiry job: claim it (so a duplicate delivery does nothing), call the
 * outside service, and record the outcome with the state machine.
 */
export async function runInquiryJob(
	kind: 'crm.sync' | 'email.notify',
	jobId: string,
	deps: RunJobDeps,
): Promise<JobVerdict> {
	const started = deps.now();
	const job = await deps.jobs.claim(jobId, started, started + deps.config.jobs.leaseMs, STEP_LABELS[kind]);
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
		: { outcome: 'permanent-failure', error: 'Inquiry not found', code: 'not_found' };

	if (result.outcome === 'success') {
		await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'succeed'), deps.now());
		deps.log({ level: 'info', msg: 'job succeeded', jobId, kind, attempt: job.attempt });
		return { action: 'ack' };
	}
	return recordFailure(
		job,
		{
			retryable: result.outcome === 'retry',
			error: result.error ?? 'failed',
			code: result.code ?? 'internal',
		},
		deps,
	);
}
