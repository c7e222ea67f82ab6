import { nextJobState } from '~/lib/jobs/job-state';
import type { InquiryJobKind } from '~/lib/queue/messages';
import type { InquiriesRepo, InquiryRecord } from '../db/inquiries-repo';
import type { JobsRepo } from '../db/jobs-repo';
import type { DeliveryResult } from '../integrations/deliver';
import { recordFailure, type JobVerdict, type OutcomeDeps } from './outcome';

export interface RunJobDeps extends OutcomeDeps {
	jobs: JobsRepo;
	inquiries: InquiriesRepo;
	deliver: Record<InquiryJobKind, (inquiry: InquiryRecord) => Promise<DeliveryResult>>;
}

/** What the job's progress says while its attempt runs. */
const STEP_LABELS: Record<InquiryJobKind, string> = {
	'crm.sync': 'Sending to our CRM',
	'email.notify': 'Notifying our team',
	'crm.erase': 'Erasing from our CRM',
};

/**
 * Runs one attempt of an inquiry job: claim it (so a duplicate delivery does nothing), call the
 * outside service, and record the outcome with the state machine.
 */
export async function runInquiryJob(
	kind: InquiryJobKind,
	jobId: string,
	deps: RunJobDeps,
): Promise<JobVerdict> {
	const started = deps.now();
	// The claim and the read of the inquiry are one round trip.
	const claimed = await deps.jobs.claimAndRead(
		jobId,
		started,
		started + deps.config.jobs.leaseMs,
		STEP_LABELS[kind],
		deps.inquiries.subjectOfJobStatement(jobId),
	);
	if (!claimed) {
		deps.log({
			level: 'info',
			msg: 'job not claimable (finished or already running); message dropped as a duplicate',
			jobId,
		});
		return { action: 'ack' };
	}
	const { job } = claimed;
	const inquiry = claimed.row === null ? null : deps.inquiries.fromRow(claimed.row);
	const result = await attemptDelivery(kind, inquiry, deps);

	if (result.outcome === 'success') {
		// The consumer's one line per message records the success (src/server/jobs/consumer.ts).
		await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'succeed'), deps.now());
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

/** One call to the outside service, unless the inquiry's state says it must not happen yet or at all. */
async function attemptDelivery(
	kind: InquiryJobKind,
	inquiry: InquiryRecord | null,
	deps: RunJobDeps,
): Promise<DeliveryResult> {
	if (!inquiry) return { outcome: 'permanent-failure', error: 'Inquiry not found', code: 'not_found' };
	// Erased while this job waited (or replayed since): an emptied lead must not go out.
	if (kind !== 'crm.erase' && inquiry.erasedAt !== null)
		return {
			outcome: 'permanent-failure',
			error: 'The person asked us to erase this inquiry',
			code: 'erased',
		};
	// A sync attempt still in flight could create the lead after we delete it: wait for it.
	if (kind === 'crm.erase' && (await deps.jobs.isRunning(inquiry.id, 'crm.sync')))
		return { outcome: 'retry', error: 'Waiting for a CRM sync attempt still running', code: 'interrupted' };
	return deps.deliver[kind](inquiry);
}
