/** Why a job attempt did not succeed, as a code the visitor-facing job resource can show. */
export type JobErrorCode =
	| 'upstream_unavailable' // 5xx or 408 from the service
	| 'rate_limited' // 429 from the service
	| 'upstream_rejected' // another 4xx: sending it again will not help
	| 'timeout'
	| 'unreachable'
	| 'not_configured'
	| 'not_found' // what the job is about no longer exists
	| 'interrupted' // the worker stopped before the attempt finished
	| 'erased' // the person asked us to erase their inquiry, so it is not sent on
	| 'internal';

/**
 * Messages for visitors, one per code. The detailed error (hosts, statuses) stays in the
 * operator's view; nothing here can carry a secret or a stack trace, because it is fixed text.
 */
const PUBLIC_MESSAGES: Record<JobErrorCode, string> = {
	upstream_unavailable: 'The service we pass this to is not answering right now.',
	rate_limited: 'The service we pass this to asked us to slow down.',
	upstream_rejected: 'The service we pass this to refused it; our team will finish it by hand.',
	timeout: 'The service we pass this to took too long to answer.',
	unreachable: 'We could not reach the service we pass this to.',
	not_configured: 'This step is not set up on our side yet; our team has been told.',
	not_found: 'What this job was about no longer exists.',
	interrupted: 'Our worker stopped before finishing; the job was started again.',
	erased: 'Not sent: the personal details were erased at your request.',
	internal: 'Something went wrong on our side.',
};

const CODES = new Set(Object.keys(PUBLIC_MESSAGES));

/** The visitor-safe message for a stored code; unknown or missing codes read as "internal". */
export function publicErrorMessage(code: string | null): { code: JobErrorCode; message: string } {
	const known = (code !== null && CODES.has(code) ? code : 'internal') as JobErrorCode;
	return { code: known, message: PUBLIC_MESSAGES[known] };
}

/**
 * The code for an HTTP answer from an outside service (`null`: no answer at all).
 * @example errorCodeForStatus(503) // => 'upstream_unavailable'
 */
export function errorCodeForStatus(status: number): JobErrorCode {
	if (status === 429) return 'rate_limited';
	if (status === 408 || status >= 500) return 'upstream_unavailable';
	return 'upstream_rejected';
}
