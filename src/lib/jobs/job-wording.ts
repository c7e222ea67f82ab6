import type { PublicJob } from './public-job.ts';

/** How a job reads to the visitor waiting on it. */
export interface JobWording {
	tone: 'done' | 'in-progress' | 'delayed';
	/** Short state, e.g. "In progress". */
	status: string;
	/** A sentence about what happens next. */
	detail: string;
}

const time = (iso: string) => `${iso.slice(11, 16)} UTC`;

/**
 * Words for a job's state. Inquiry jobs that fail read as "delayed", because nothing is lost:
 * the operator sees them and replays them. A failed report is something the visitor can restart.
 * @example describeJob({ ...job, state: 'succeeded' }).status // => 'Done'
 */
export function describeJob(
	job: Pick<PublicJob, 'kind' | 'state' | 'attempt' | 'nextRetryAt' | 'lastError' | 'progress'>,
): JobWording {
	switch (job.state) {
		case 'succeeded':
			return {
				tone: 'done',
				status: 'Done',
				detail: job.kind === 'report.build' ? 'Your report is ready.' : 'Done.',
			};
		case 'queued':
			return {
				tone: 'in-progress',
				status: 'Waiting',
				detail: 'Waiting for a worker; this usually takes a second or two.',
			};
		case 'running':
			return { tone: 'in-progress', status: 'In progress', detail: `${job.progress.step}.` };
		case 'retrying':
			return {
				tone: 'in-progress',
				status: 'Trying again',
				detail: `${job.lastError?.message ?? 'The last attempt did not succeed.'} Attempt ${job.attempt + 1}${job.nextRetryAt ? ` at ${time(job.nextRetryAt)}` : ''}.`,
			};
		case 'failed':
		case 'dead':
			return job.kind === 'report.build'
				? {
						tone: 'delayed',
						status: 'Stopped',
						detail: `${job.lastError?.message ?? 'The report could not be built.'} Start it again from the calculator.`,
					}
				: {
						tone: 'delayed',
						status: 'Delayed',
						detail: 'Our team has been alerted and will finish this by hand; nothing is lost.',
					};
	}
}
