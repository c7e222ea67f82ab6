import { describe, expect, it } from 'vitest';
import { describeFollowUp } from '~/lib/inquiries/follow-up';

describe('describeFollowUp', () => {
	it('always starts with "Received" and then reports each job in plain words', () => {
		const steps = describeFollowUp([
			{ kind: 'email.notify', state: 'retrying', attempt: 2 },
			{ kind: 'crm.sync', state: 'succeeded', attempt: 1 },
		]);
		expect(steps.map((step) => [step.label, step.status])).toEqual([
			['Received', 'done'],
			['Passed to our CRM', 'done'],
			['Team notified', 'in-progress'],
		]);
		expect(steps[2]?.detail).toContain('attempt 2');
	});

	it('calls a dead or failed job "delayed" and says nothing is lost', () => {
		const [, crm] = describeFollowUp([{ kind: 'crm.sync', state: 'dead', attempt: 8 }]);
		expect(crm).toMatchObject({
			status: 'delayed',
			detail: expect.stringContaining('nothing is lost') as string,
		});
	});
});
