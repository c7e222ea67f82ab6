import {
	kindOf,
	parseJobMessage,
	retryDelaySeconds,
	type JobMessage,
	type MessageVerdict,
} from '~/lib/queue/messages';
import type { DeadLettersRepo } from '../db/dead-letters-repo';
import { jobScope, runInScope } from '../observability/trace-scope';
import type { HeartbeatsRepo } from '../db/heartbeats-repo';
import type { InquiryJobKind } from '~/lib/queue/messages';
import type { JobVerdict } from './outcome';

export interface ConsumerDeps {
	heartbeats: HeartbeatsRepo;
	deadLetters: Pick<DeadLettersRepo, 'insert'>;
	/** Runs one attempt of a job recorded in the jobs table (src/server/jobs/run-inquiry-job.ts). */
	runInquiryJob: (kind: InquiryJobKind, jobId: string) => Promise<JobVerdict>;
	/** Runs one attempt of a full calculator report (src/server/reports/run-report-job.ts). */
	runReportJob: (jobId: string) => Promise<JobVerdict>;
	/** Checks one price sheet against its upstream (src/server/prices/run-price-watch-job.ts). */
	runPriceWatchJob: (jobId: string) => Promise<JobVerdict>;
	now: () => number;
	log: (line: Record<string, unknown>) => void;
}

/** Dead-letter queues are named after their source queue with a "-dlq" suffix (wrangler.jsonc). */
export const isDeadLetterQueue = (queueName: string): boolean => queueName.endsWith('-dlq');

/**
 * Handles one batch from either queue. Each message is acked or retried on its own, so one
 * failing message never makes the others run again. The messages are independent (each job is
 * claimed in D1 first), so they run side by side: a batch waiting on a slow CRM call takes as
 * long as its slowest message, not the sum of them. Each runs in its job's trace (the trace of
 * the request or cron run that recorded it), so its log lines and calls carry that trace id.
 */
export async function consumeQueueBatch(batch: MessageBatch<unknown>, deps: ConsumerDeps): Promise<void> {
	await Promise.all(
		batch.messages.map((message) =>
			runInScope(jobScope({ jobId: jobIdOf(message.body), ...originOf(message.body) }), () =>
				consumeMessage(batch.queue, message, deps),
			),
		),
	);
}

async function consumeMessage(queue: string, message: Message<unknown>, deps: ConsumerDeps): Promise<void> {
	if (isDeadLetterQueue(queue)) return keepDeadLetter(queue, message, deps);
	const verdict = await judgeMessage(message, deps);
	// One line per message, whatever its kind and fate: handlers log only what this line cannot say.
	deps.log({
		level: verdict.action === 'ack' ? 'info' : 'warn',
		msg: 'queue message',
		queue,
		messageId: message.id,
		kind: kindOf(message.body),
		jobId: jobIdOf(message.body),
		attempts: message.attempts,
		...verdict,
	});
	if (verdict.action === 'ack') message.ack();
	else if (verdict.action === 'retry') message.retry({ delaySeconds: verdict.delaySeconds });
	else await keepDeadLetter(queue, message, deps);
}

/** Runs the handler for one message and decides its fate; a thrown error means "retry later". */
async function judgeMessage(message: Message<unknown>, deps: ConsumerDeps): Promise<MessageVerdict> {
	const parsed = parseJobMessage(message.body);
	if (!parsed.success) {
		return {
			action: 'dead-letter',
			reason: `not a job message: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
		};
	}
	try {
		return await handleJob(parsed.data, deps);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { action: 'retry', delaySeconds: retryDelaySeconds(message.attempts), reason };
	}
}

/** Dispatches on the message kind; the `never` check makes a new kind a compile error here. */
async function handleJob(job: JobMessage, deps: ConsumerDeps): Promise<MessageVerdict> {
	switch (job.kind) {
		case 'heartbeat':
			await deps.heartbeats.markConsumed(job.heartbeatId, deps.now());
			return { action: 'ack' };
		case 'crm.sync':
		case 'email.notify':
		case 'crm.erase':
			return deps.runInquiryJob(job.kind, job.jobId);
		case 'report.build':
			return deps.runReportJob(job.jobId);
		case 'price.watch':
			return deps.runPriceWatchJob(job.jobId);
		default: {
			const unhandled: never = job;
			throw new Error(`No handler for job ${JSON.stringify(unhandled)}`);
		}
	}
}

/** Records a message that cannot be processed, then acks it; if the write fails it is retried. */
async function keepDeadLetter(queue: string, message: Message<unknown>, deps: ConsumerDeps): Promise<void> {
	try {
		await deps.deadLetters.insert({
			id: message.id,
			queue,
			kind: kindOf(message.body),
			body: message.body,
			attempts: message.attempts,
			receivedAt: deps.now(),
		});
		deps.log({
			level: 'error',
			msg: 'dead letter kept',
			queue,
			messageId: message.id,
			kind: kindOf(message.body),
		});
		message.ack();
	} catch (error) {
		deps.log({
			level: 'error',
			msg: 'dead letter not stored, will retry',
			queue,
			messageId: message.id,
			error: error instanceof Error ? error.message : String(error),
		});
		message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
	}
}

/** The trace and request a job message carries from the work that recorded the job, if any. */
function originOf(body: unknown): { traceparent?: string; requestId?: string } {
	if (typeof body !== 'object' || body === null) return {};
	const { traceparent, requestId } = body as Record<string, unknown>;
	return {
		...(typeof traceparent === 'string' ? { traceparent } : {}),
		...(typeof requestId === 'string' ? { requestId } : {}),
	};
}

/** The job id a message carries, for the log line; null for a heartbeat or a malformed body. */
function jobIdOf(body: unknown): string | null {
	return typeof body === 'object' && body !== null && 'jobId' in body && typeof body.jobId === 'string'
		? body.jobId
		: null;
}
