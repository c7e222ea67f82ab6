import type { InquiryInput } from '~/lib/inquiries/schema';
import type { InquiriesRepo, InquiryRecord, NewJob } from '../db/inquiries-repo';
import { enqueueRecordedJobs, type JobQueue } from '../jobs/enqueue';

export interface AcceptDeps {
	inquiries: InquiriesRepo;
	queue: JobQueue;
	newId: (prefix: string) => string;
	now: number;
	maxAttempts: number;
	log: (line: Record<string, unknown>) => void;
}

/**
 * Accepts an inquiry: committed to D1 with its two jobs before anyone is told it arrived, then
 * enqueued. Callers answer known Idempotency-Keys first; a key that arrives twice at once is
 * caught by the UNIQUE constraint here and answered with the first inquiry.
 * If enqueueing fails the jobs stay `queued` and the cron sweeper sends them later.
 */
export async function acceptInquiry(
	input: InquiryInput,
	meta: { idempotencyKey: string | null; ipHash: string | null; spam: boolean },
	deps: AcceptDeps,
): Promise<{ inquiry: InquiryRecord; created: boolean }> {
	const id = deps.newId('inq');
	// Spam is kept (to review and to count) but never forwarded, so it gets no jobs.
	const jobs: NewJob[] = meta.spam
		? []
		: [
				{ id: deps.newId('job'), kind: 'crm.sync', maxAttempts: deps.maxAttempts },
				{ id: deps.newId('job'), kind: 'email.notify', maxAttempts: deps.maxAttempts },
			];
	try {
		await deps.inquiries.insertWithJobs(
			{
				id,
				createdAt: deps.now,
				input,
				status: meta.spam ? 'spam' : 'received',
				ipHash: meta.ipHash,
				idempotencyKey: meta.idempotencyKey,
			},
			jobs,
		);
	} catch (error) {
		// Two requests with one key raced; the other one won, so answer with its inquiry.
		const winner = meta.idempotencyKey
			? await deps.inquiries.findByIdempotencyKey(meta.idempotencyKey)
			: null;
		if (winner) return { inquiry: winner, created: false };
		throw error;
	}
	await enqueueRecordedJobs(
		deps.queue,
		jobs.map((job) => ({ kind: job.kind, jobId: job.id })),
		deps.log,
	);
	const inquiry = await deps.inquiries.find(id);
	if (!inquiry) throw new Error(`Inquiry ${id} vanished after insert`);
	return { inquiry, created: true };
}
