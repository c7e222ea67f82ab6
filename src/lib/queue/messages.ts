import { z } from 'zod';

/** A heartbeat travels through the jobs queue to prove the consumer is alive. */
export const HeartbeatMessageSchema = z.object({
	kind: z.literal('heartbeat'),
	heartbeatId: z.string().min(1),
	sentAt: z.number().int().nonnegative(),
});

/**
 * Jobs about one inquiry: forwarding it to the CRM and the team, and telling the CRM to erase it
 * when the person asks.
 */
export const INQUIRY_JOB_KINDS = ['crm.sync', 'email.notify', 'crm.erase'] as const;
export type InquiryJobKind = (typeof INQUIRY_JOB_KINDS)[number];

/** Kinds of work recorded in the jobs table; `price.watch` checks one price sheet against its upstream. */
export const RECORDED_JOB_KINDS = [...INQUIRY_JOB_KINDS, 'report.build', 'price.watch'] as const;
export type RecordedJobKind = (typeof RECORDED_JOB_KINDS)[number];

/**
 * Work recorded in the jobs table: the message carries the job id, and the trace and request
 * that recorded the job (as stored with it), so the consumer continues that trace.
 */
export const RecordedJobMessageSchema = z.object({
	kind: z.enum(RECORDED_JOB_KINDS),
	jobId: z.string().min(1),
	traceparent: z.string().max(512).optional(),
	requestId: z.string().max(128).optional(),
});

/** The queue message that runs a recorded job; undefined for a kind the jobs queue does not run. */
export function recordedJobMessage(job: {
	id: string;
	kind: string;
	traceparent?: string | null;
	requestId?: string | null;
}): RecordedJobMessage | undefined {
	const kind = RECORDED_JOB_KINDS.find((known) => known === job.kind);
	if (!kind) return undefined;
	return {
		kind,
		jobId: job.id,
		...(job.traceparent ? { traceparent: job.traceparent } : {}),
		...(job.requestId ? { requestId: job.requestId } : {}),
	};
}

/**
 * Every message the jobs queue carries, told apart by `kind`. A new job kind joins this
 * union, and the consumer's exhaustive switch makes the compiler ask for its handler.
 */
export const JobMessageSchema = z.union([HeartbeatMessageSchema, RecordedJobMessageSchema]);

export type HeartbeatMessage = z.infer<typeof HeartbeatMessageSchema>;
export type RecordedJobMessage = z.infer<typeof RecordedJobMessageSchema>;
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** What the consumer should do with one message after trying to handle it. */
export type MessageVerdict =
	| { action: 'ack' }
	| { action: 'retry'; delaySeconds: number; reason: string }
	/** Malformed: retrying cannot help, so it goes straight to the dead-letter record. */
	| { action: 'dead-letter'; reason: string };

/**
 * Parses a queue message body, or explains why it is not a job message.
 * @example parseJobMessage({ kind: 'heartbeat', heartbeatId: 'h1', sentAt: 1 }).success // => true
 */
export function parseJobMessage(body: unknown): z.ZodSafeParseResult<JobMessage> {
	return JobMessageSchema.safeParse(body);
}

/**
 * Delay before the next attempt: exponential from 2 s, capped at 5 minutes, so a failing
 * dependency is not hammered while it recovers. `attempts` counts from 1.
 * @example retryDelaySeconds(1) // => 2
 * @example retryDelaySeconds(4) // => 16
 */
export function retryDelaySeconds(attempts: number): number {
	return Math.min(300, 2 ** Math.max(1, attempts));
}

/** Reads the kind of a message body that may not parse, for dead-letter records. */
export function kindOf(body: unknown): string | null {
	if (typeof body === 'object' && body !== null && 'kind' in body && typeof body.kind === 'string') {
		return body.kind;
	}
	return null;
}
