import { describe, expect, it } from 'vitest';
import {
	canHappen,
	IllegalJobTransition,
	statesAllowing,
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
		['running', 'lease-expire', 'retrying'],
		['running', 'confirm', 'succeeded'],
		['retrying', 'confirm', 'succeeded'],
		['queued', 'confirm', 'succeeded'],
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

describe('the whole transition table', () => {
	const states: JobState[] = ['queued', 'running', 'retrying', 'succeeded', 'failed', 'dead'];
	const events: JobEvent[] = [
		'start',
		'succeed',
		'fail-retryable',
		'fail-permanent',
		'exhaust',
		'lease-expire',
		'replay',
		'confirm',
	];
	/** Every legal move; anything else must throw. */
	const legal = new Set([
		'queued start',
		'queued exhaust',
		'queued confirm',
		'running succeed',
		'running fail-retryable',
		'running fail-permanent',
		'running exhaust',
		'running lease-expire',
		'running confirm',
		'retrying start',
		'retrying exhaust',
		'retrying confirm',
		'failed replay',
		'dead replay',
	]);

	it.each(states.flatMap((state) => events.map((event) => [state, event] as const)))(
		'%s + %s is legal only if listed',
		(state, event) => {
			if (legal.has(`${state} ${event}`)) expect(() => nextJobState(state, event)).not.toThrow();
			else expect(() => nextJobState(state, event)).toThrow(IllegalJobTransition);
		},
	);

	it('never leaves succeeded', () => {
		for (const event of events) expect(() => nextJobState('succeeded', event)).toThrow(IllegalJobTransition);
	});
});

describe('isFinished', () => {
	it('is true only for succeeded, failed and dead', () => {
		const states: JobState[] = ['queued', 'running', 'retrying', 'succeeded', 'failed', 'dead'];
		expect(states.filter(isFinished)).toEqual(['succeeded', 'failed', 'dead']);
	});
});

describe('statesAllowing and canHappen', () => {
	it('read the same table as nextJobState, for the conditional updates in SQL', () => {
		expect(statesAllowing('start')).toEqual(['queued', 'retrying']);
		expect(statesAllowing('replay')).toEqual(['failed', 'dead']);
		expect(statesAllowing('confirm')).toEqual(['queued', 'running', 'retrying']);
		// A running attempt cannot be called back; an erasure waits for it instead.
		expect(statesAllowing('cancel')).toEqual(['queued', 'retrying']);
		expect(canHappen('dead', 'replay')).toBe(true);
		expect(canHappen('succeeded', 'replay')).toBe(false);
	});
});
