import type { InquiryInput } from '~/lib/inquiries/schema';
import type { InquiriesRepo, InquiryRecord, NewInquiry, NewJob } from '../db/inquiries-repo';
import { withinLimits, type RateLimitsRepo } from '../db/rate-limits-repo';
import { countRequest, type KeyedLimit } from '../http/rate-limit';
import { enqueueRecordedJobs, type JobQueue } from '../jobs/enqueue';

export interface AcceptDeps {
	db: Pick<D1Database, 'batch'>;
	inquiries: Pick<InquiriesRepo, 'acceptStatements' | 'findByIdempotencyKey'>;
	limits: Pick<RateLimitsRepo, 'incrementStatement'>;
	queue: JobQueue;
	newId: (prefix: string) => string;
	now: number;
	maxAttempts: number;
	log: (line: Record<string, unknown>) => void;
}

export type Acceptance =
	| { kind: 'accepted'; inquiry: InquiryRecord; created: boolean }
	/** `limits[refusedBy]` refused the request; nothing was stored. */
	| { kind: 'limited'; refusedBy: number; retryAfterSeconds: number };

/**
 * Accepts an inquiry in one D1 round trip: the request is counted against `limits`, and, if they
 * allow it, the inquiry and its two jobs are committed before anyone is told it arrived, then
 * enqueued. A known Idempotency-Key (a retry, or two requests racing) is answered with the
 * first inquiry. If enqueueing fails the jobs stay `queued` and the cron sweeper sends them.
 */
export async function acceptInquiry(
	input: InquiryInput,
	meta: { idempotencyKey: string | null; ipHash: string | null; spam: boolean },
	limits: readonly KeyedLimit[],
	deps: AcceptDeps,
): Promise<Acceptance> {
	const inquiry: NewInquiry = {
		id: deps.newId('inq'),
		createdAt: deps.now,
		input,
		status: meta.spam ? 'spam' : 'received',
		ipHash: meta.ipHash,
		idempotencyKey: meta.idempotencyKey,
	};
	// Spam is kept (to review and to count) but never forwarded, so it gets no jobs.
	const jobs: NewJob[] = meta.spam
		? []
		: [
				{ id: deps.newId('job'), kind: 'crm.sync', maxAttempts: deps.maxAttempts },
				{ id: deps.newId('job'), kind: 'email.notify', maxAttempts: deps.maxAttempts },
			];
	const counted = countRequest(deps.limits, limits, deps.now);
	const results = await deps.db.batch([
		...counted.statements,
		...deps.inquiries.acceptStatements(inquiry, jobs, withinLimits(counted.guards)),
	]);
	const verdict = counted.verdict(results);
	if (!verdict.allowed) return { kind: 'limited', ...verdict };

	const stored = results[counted.statements.length]?.results.length === 1;
	if (!stored) {
		// Allowed but not stored: an earlier request holds the key (a retry, or a race lost).
		const first = meta.idempotencyKey ? await deps.inquiries.findByIdempotencyKey(meta.idempotencyKey) : null;
		if (!first) throw new Error(`Inquiry ${inquiry.id} was neither stored nor found under its key`);
		return { kind: 'accepted', inquiry: first, created: false };
	}
	await enqueueRecordedJobs(
		deps.queue,
		jobs.map((job) => ({ kind: job.kind, jobId: job.id })),
		deps.log,
	);
	return { kind: 'accepted', inquiry: storedRecord(inquiry), created: true };
}

/** The record just stored, as a read would return it (no second round trip to read it back). */
const storedRecord = ({ input, ...inquiry }: NewInquiry): InquiryRecord => ({
	id: inquiry.id,
	createdAt: inquiry.createdAt,
	name: input.name,
	email: input.email,
	company: input.company ?? null,
	projectType: input.projectType,
	budget: input.budget,
	timeline: input.timeline,
	message: input.message,
	status: inquiry.status,
	idempotencyKey: inquiry.idempotencyKey,
	estimate: input.estimate ?? null,
	redactedAt: null,
	erasedAt: null,
});
