import type { RecordedJobMessage } from '~/lib/queue/messages';

/** The part of a Queue binding that sends several messages at once. */
export interface JobQueue {
	sendBatch(messages: { body: RecordedJobMessage }[]): Promise<unknown>;
}

/**
 * Sends messages for jobs already recorded in D1. A failed send loses nothing: the jobs stay
 * `queued` and the 5-minute cron sends them (src/server/jobs/scheduled.ts), so it is logged, not thrown.
 */
export async function enqueueRecordedJobs(
	queue: JobQueue,
	messages: RecordedJobMessage[],
	log: (line: Record<string, unknown>) => void,
): Promise<void> {
	if (messages.length === 0) return;
	try {
		await queue.sendBatch(messages.map((body) => ({ body })));
	} catch (error) {
		log({
			level: 'warn',
			msg: 'enqueue failed; the cron sweeper will send these jobs',
			jobIds: messages.map((message) => message.jobId),
			error: String(error),
		});
	}
}
