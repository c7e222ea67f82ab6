import { describe, expect, it } from 'vitest';
import {
	IllegalJobTransition,
	isFinished,
	nextJobState,
	type JobEvent,
	type JobState,
} from '~/lib/jobs/job-state';

describe('nextJobState', () => {
	it.each([
		['queued', 'start', 'running'],
		['running', 'succeed', 'succeeded'],
		['running', 'fail-retryable', 'retrying'],
		['retrying', 'start', 'running'],
		['running', 'fail-permanent', 'failed'],
		['running', 'exhaust', 'dead'],
		['retrying', 'exhaust', 'dead'],
		['dead', 'replay', 'queued'],
		['failed', 'replay', 'queued'],
	] as [JobState, JobEvent, JobState][])('%s + %s → %s', (from, event, to) => {
		expect(nextJobState(from, event)).toBe(to);
	});

	it.each([
		['succeeded', 'start'],
		['succeeded', 'fail-retryable'],
		['dead', 'succeed'],
		['queued', 'succeed'],
		['succeeded', 'replay'],
	] as [JobState, JobEvent][])('refuses %s + %s, so a late duplicate cannot undo a result', (from, event) => {
		expect(() => nextJobState(from, event)).toThrow(IllegalJobTransition);
	});
});

describe('isFinished', () => {
	it('is true only for succeeded, failed and dead', () => {
		const states: JobState[] = ['queued', 'running', 'retrying', 'succeeded', 'failed', 'dead'];
		expect(states.filter(isFinished)).toEqual(['succeeded', 'failed', 'dead']);
	});
});
