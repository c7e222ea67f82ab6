import type { JobState } from '../jobs/job-state.ts';

/** One step of an inquiry's follow-up, in words a visitor understands. */
export interface FollowUpStep {
	label: string;
	status: 'done' | 'in-progress' | 'delayed';
	detail: string;
}

const STEP_LABELS = { 'crm.sync': 'Passed to our CRM', 'email.notify': 'Team notified' } as const;

/**
 * The receipt page's steps: received (always, once stored), then one per job. Failures read as
 * "delayed", because nothing is lost: the operator sees dead jobs and replays them.
 * @example describeFollowUp([{ kind: 'crm.sync', state: 'succeeded', attempt: 1 }])[1].status // => 'done'
 */
export function describeFollowUp(
	jobs: readonly { kind: string; state: JobState; attempt: number }[],
): FollowUpStep[] {
	const steps: FollowUpStep[] = [
		{ label: 'Received', status: 'done', detail: 'Your inquiry is stored safely.' },
	];
	for (const kind of ['crm.sync', 'email.notify'] as const) {
		const job = jobs.find((candidate) => candidate.kind === kind);
		if (!job) continue;
		steps.push({ label: STEP_LABELS[kind], ...describeJob(job) });
	}
	return steps;
}

function describeJob(job: { state: JobState; attempt: number }): Omit<FollowUpStep, 'label'> {
	switch (job.state) {
		case 'succeeded':
			return { status: 'done', detail: 'Done.' };
		case 'queued':
		case 'running':
			return { status: 'in-progress', detail: 'In progress; this usually takes a few seconds.' };
		case 'retrying':
			return {
				status: 'in-progress',
				detail: `The service did not answer; we are trying again (attempt ${job.attempt}).`,
			};
		case 'failed':
		case 'dead':
			return {
				status: 'delayed',
				detail: 'Delayed. Our team has been alerted and will finish this by hand; nothing is lost.',
			};
	}
}
