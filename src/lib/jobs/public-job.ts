import { publicErrorMessage, type JobErrorCode } from './job-errors.ts';
import { isFinished, type JobState } from './job-state.ts';

/** The stored fields of a job that anyone holding its id may see. */
export interface JobSnapshot {
	id: string;
	kind: string;
	state: JobState;
	attempt: number;
	maxAttempts: number;
	nextRetryAt: number | null;
	errorCode: string | null;
	progressStep: string | null;
	stepsDone: number;
	stepsTotal: number;
	result: unknown;
	createdAt: number;
	updatedAt: number;
}

/** `GET /api/jobs/<id>`: a job as a visitor's page or an API client sees it (docs/api.md). */
export interface PublicJob {
	id: string;
	kind: string;
	state: JobState;
	progress: { percent: number; step: string; stepsDone: number; stepsTotal: number };
	attempt: number;
	maxAttempts: number;
	nextRetryAt: string | null;
	lastError: { code: JobErrorCode; message: string } | null;
	createdAt: string;
	updatedAt: string;
	result: unknown;
}

/** Words for a job that has not said what it is doing. */
const STATE_STEP: Record<JobState, string> = {
	queued: 'Waiting to start',
	running: 'Working',
	retrying: 'Waiting to try again',
	succeeded: 'Done',
	failed: 'Stopped',
	dead: 'Stopped after its last attempt',
};

/**
 * The public view of a job. The last error is a fixed, visitor-safe message chosen by code; the
 * operator's detailed error never leaves the console. A succeeded job is always at 100%.
 * @example toPublicJob({ ...job, state: 'succeeded', stepsDone: 3, stepsTotal: 4 }).progress.percent // => 100
 */
export function toPublicJob(job: JobSnapshot): PublicJob {
	const stepsTotal = Math.max(1, job.stepsTotal);
	const stepsDone = job.state === 'succeeded' ? stepsTotal : Math.min(job.stepsDone, stepsTotal);
	const iso = (ms: number) => new Date(ms).toISOString();
	return {
		id: job.id,
		kind: job.kind,
		state: job.state,
		progress: {
			percent: Math.floor((stepsDone / stepsTotal) * 100),
			step: job.state === 'succeeded' || !job.progressStep ? STATE_STEP[job.state] : job.progressStep,
			stepsDone,
			stepsTotal,
		},
		attempt: job.attempt,
		maxAttempts: job.maxAttempts,
		nextRetryAt: job.state === 'retrying' && job.nextRetryAt !== null ? iso(job.nextRetryAt) : null,
		lastError: job.errorCode !== null && job.state !== 'succeeded' ? publicErrorMessage(job.errorCode) : null,
		createdAt: iso(job.createdAt),
		updatedAt: iso(job.updatedAt),
		// Only a report's result is the visitor's; an inquiry job's (the CRM's lead id) is internal.
		result: PUBLIC_RESULT_KINDS.has(job.kind) ? (job.result ?? null) : null,
	};
}

/** Job kinds whose stored result a visitor may see. */
const PUBLIC_RESULT_KINDS: ReadonlySet<string> = new Set(['report.build']);

/**
 * How long a poller should wait before asking again, in whole seconds; undefined once the job
 * is finished. A retrying job is worth asking about when its next attempt is due.
 * @example pollAfterSeconds({ state: 'retrying', nextRetryAt: 30_000 }, 0) // => 30
 */
export function pollAfterSeconds(
	job: Pick<JobSnapshot, 'state' | 'nextRetryAt'>,
	now: number,
): number | undefined {
	if (isFinished(job.state)) return undefined;
	if (job.state === 'retrying' && job.nextRetryAt !== null)
		return Math.min(60, Math.max(1, Math.ceil((job.nextRetryAt - now) / 1000)));
	return job.state === 'running' ? 1 : 2;
}

/**
 * Whether an If-None-Match header names this ETag (a list, weak or strong, or `*`).
 * @example etagMatches('W/"abc", "def"', '"abc"') // => true
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const bare = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
