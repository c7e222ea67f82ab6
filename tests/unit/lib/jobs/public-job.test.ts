import { describe, expect, it } from 'vitest';
import { etagMatches, pollAfterSeconds, toPublicJob, type JobSnapshot } from '~/lib/jobs/public-job';

const job: JobSnapshot = {
	id: 'job_1',
	kind: 'report.build',
	state: 'running',
	attempt: 1,
	maxAttempts: 24,
	nextRetryAt: null,
	errorCode: null,
	progressStep: 'Pricing 2× the traffic',
	stepsDone: 4,
	stepsTotal: 10,
	result: null,
	createdAt: Date.UTC(2026, 10, 22, 9, 0),
	updatedAt: Date.UTC(2026, 10, 22, 9, 1),
};

describe('toPublicJob', () => {
	it('gives the documented shape with progress as a percentage and ISO times', () => {
		expect(toPublicJob(job)).toEqual({
			id: 'job_1',
			kind: 'report.build',
			state: 'running',
			progress: { percent: 40, step: 'Pricing 2× the traffic', stepsDone: 4, stepsTotal: 10 },
			attempt: 1,
			maxAttempts: 24,
			nextRetryAt: null,
			lastError: null,
			createdAt: '2026-11-22T09:00:00.000Z',
			updatedAt: '2026-11-22T09:01:00.000Z',
			result: null,
		});
	});

	it("shows a report's result, but never an inquiry job's (the CRM's internal lead id)", () => {
		const finished = { ...job, state: 'succeeded' as const };
		expect(toPublicJob({ ...finished, result: { markdown: '/reports/job_1.md' } }).result).toEqual({
			markdown: '/reports/job_1.md',
		});
		expect(toPublicJob({ ...finished, kind: 'crm.sync', result: { crmLeadId: 'lead_9' } }).result).toBeNull();
	});

	it('shows a fixed message for the error code, never the stored detail', () => {
		const view = toPublicJob({
			...job,
			state: 'retrying',
			errorCode: 'upstream_unavailable',
			nextRetryAt: 0,
		});
		expect(view.lastError).toEqual({
			code: 'upstream_unavailable',
			message: 'The service we pass this to is not answering right now.',
		});
		expect(view.nextRetryAt).toBe('1970-01-01T00:00:00.000Z');
		expect(toPublicJob({ ...job, errorCode: 'Error: secret=abc at line 4' }).lastError?.code).toBe(
			'internal',
		);
	});

	it('puts a succeeded job at 100% and drops its old error', () => {
		const view = toPublicJob({ ...job, state: 'succeeded', stepsDone: 9, errorCode: 'timeout' });
		expect(view.progress).toMatchObject({ percent: 100, stepsDone: 10, step: 'Done' });
		expect(view.lastError).toBeNull();
	});
});

describe('pollAfterSeconds', () => {
	it('asks pollers to come back soon while work goes on, and not at all once finished', () => {
		expect(pollAfterSeconds({ state: 'running', nextRetryAt: null }, 0)).toBe(1);
		expect(pollAfterSeconds({ state: 'queued', nextRetryAt: null }, 0)).toBe(2);
		expect(pollAfterSeconds({ state: 'succeeded', nextRetryAt: null }, 0)).toBeUndefined();
		expect(pollAfterSeconds({ state: 'dead', nextRetryAt: null }, 0)).toBeUndefined();
	});

	it('points a retrying job at its next attempt, between 1 and 60 seconds', () => {
		expect(pollAfterSeconds({ state: 'retrying', nextRetryAt: 12_500 }, 0)).toBe(13);
		expect(pollAfterSeconds({ state: 'retrying', nextRetryAt: 600_000 }, 0)).toBe(60);
		expect(pollAfterSeconds({ state: 'retrying', nextRetryAt: 0 }, 5_000)).toBe(1);
	});
});

describe('etagMatches', () => {
	it('matches strong, weak, listed and wildcard tags', () => {
		expect(etagMatches('"abc"', '"abc"')).toBe(true);
		expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
		expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
		expect(etagMatches('*', '"abc"')).toBe(true);
		expect(etagMatches('"abd"', '"abc"')).toBe(false);
		expect(etagMatches(null, '"abc"')).toBe(false);
	});
});
