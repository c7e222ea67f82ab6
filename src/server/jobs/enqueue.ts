import type { RecordedJobMessage } from '~/lib/queue/messages';
import { jobOrigin, type JobOrigin } from '../observability/trace-scope';

/** The part of a Queue binding that sends several messages at once. */
export interface JobQueue {
	sendBatch(messages: { body: RecordedJobMessage }[]): Promise<unknown>;
}

/**
 * Sends messages for jobs already recorded in D1. A failed send loses nothing: the jobs stay
 * `queued` and the 5-minute cron sends them (src/server/jobs/scheduled.ts), so it is logged, not thrown.
 * A message without a trace gets the current one, which is what the jobs were recorded with.
 */
export async function enqueueRecordedJobs(
	queue: JobQueue,
	messages: RecordedJobMessage[],
	log: (line: Record<string, unknown>) => void,
): Promise<void> {
	if (messages.length === 0) return;
	const origin = jobOrigin();
	try {
		await queue.sendBatch(messages.map((message) => ({ body: withOrigin(message, origin) })));
	} catch (error) {
		log({
			level: 'warn',
			msg: 'enqueue failed; the cron sweeper will send these jobs',
			jobIds: messages.map((message) => message.jobId),
			error: String(error),
		});
	}
}

/** The message with the trace and request of the work that recorded its job, unless it has one. */
function withOrigin(message: RecordedJobMessage, origin: JobOrigin): RecordedJobMessage {
	if (message.traceparent) return message;
	return {
		...message,
		...(origin.traceparent ? { traceparent: origin.traceparent } : {}),
		...(origin.requestId ? { requestId: origin.requestId } : {}),
	};
}
