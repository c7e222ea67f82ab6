/** Where a background job is in its life. */
export type JobState = 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'dead';

/** What can happen to a job. */
export type JobEvent =
	| 'start' // a worker picked it up
	| 'succeed'
	| 'fail-retryable' // timeout, 429, 5xx: try again later
	| 'fail-permanent' // a 4xx that will not change on retry
	| 'exhaust' // out of attempts: off to the dead-letter record
	| 'lease-expire' // the running attempt passed its deadline (the worker stopped): try again
	| 'replay' // an operator sends a dead or failed job round again
	| 'confirm' // the outside service says, by callback, that the work is done
	| 'cancel'; // the work must not happen any more (the person asked us to erase their inquiry)

const TRANSITIONS: Record<JobState, Partial<Record<JobEvent, JobState>>> = {
	queued: { start: 'running', exhaust: 'dead', confirm: 'succeeded', cancel: 'failed' },
	running: {
		succeed: 'succeeded',
		'fail-retryable': 'retrying',
		'fail-permanent': 'failed',
		exhaust: 'dead',
		'lease-expire': 'retrying',
		confirm: 'succeeded',
	},
	retrying: { start: 'running', exhaust: 'dead', confirm: 'succeeded', cancel: 'failed' },
	succeeded: {},
	failed: { replay: 'queued' },
	dead: { replay: 'queued' },
};

/** Thrown for a transition the state machine does not allow, e.g. succeeding a dead job. */
export class IllegalJobTransition extends Error {
	constructor(
		readonly from: JobState,
		readonly event: JobEvent,
	) {
		super(`A ${from} job cannot ${event}`);
	}
}

/**
 * The state after `event`, or an IllegalJobTransition. Finished jobs stay finished unless an
 * operator replays them, so a late duplicate delivery can never undo a success.
 * @example nextJobState('running', 'fail-retryable') // => 'retrying'
 */
export function nextJobState(from: JobState, event: JobEvent): JobState {
	const next = TRANSITIONS[from][event];
	if (next === undefined) throw new IllegalJobTransition(from, event);
	return next;
}

/** Whether a job has reached a state no worker will change. */
export const isFinished = (state: JobState): boolean =>
	state === 'succeeded' || state === 'failed' || state === 'dead';

/**
 * The states from which `event` may happen, for conditional updates that must follow the table
 * above (e.g. a claim moves only jobs that may `start`).
 * @example statesAllowing('replay') // => ['failed', 'dead']
 */
export const statesAllowing = (event: JobEvent): JobState[] =>
	(Object.keys(TRANSITIONS) as JobState[]).filter((state) => TRANSITIONS[state][event] !== undefined);

/** Whether `event` may happen to a job in `state`. */
export const canHappen = (state: JobState, event: JobEvent): boolean =>
	TRANSITIONS[state][event] !== undefined;
