import { describe, expect, it } from 'vitest';
import { describeJob } from '~/lib/jobs/job-wording';

const base = {
	kind: 'crm.sync',
	attempt: 2,
	nextRetryAt: null,
	lastError: null,
	progress: { percent: 0, step: 'Sending to our CRM', stepsDone: 0, stepsTotal: 1 },
} as const;

describe('describeJob', () => {
	it('tells a visitor when the next attempt is and why', () => {
		const wording = describeJob({
			...base,
			state: 'retrying',
			nextRetryAt: '2026-11-22T09:15:00.000Z',
			lastError: { code: 'timeout', message: 'The service we pass this to took too long to answer.' },
		});
		expect(wording).toEqual({
			tone: 'in-progress',
			status: 'Trying again',
			detail: 'The service we pass this to took too long to answer. Attempt 3 at 09:15 UTC.',
		});
	});

	it('reads a dead inquiry job as delayed, with nothing lost, but a dead report as restartable', () => {
		expect(describeJob({ ...base, state: 'dead' })).toMatchObject({ tone: 'delayed', status: 'Delayed' });
		expect(describeJob({ ...base, kind: 'report.build', state: 'failed' }).detail).toMatch(
			/Start it again from the calculator/,
		);
	});

	it('shows the running step and a finished report', () => {
		expect(describeJob({ ...base, state: 'running' }).detail).toBe('Sending to our CRM.');
		expect(describeJob({ ...base, kind: 'report.build', state: 'succeeded' }).detail).toBe(
			'Your report is ready.',
		);
	});
});
