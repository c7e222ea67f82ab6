/** Machine-readable error codes shared by every JSON error this site sends. */
export type ProblemCode =
	| 'bad_request'
	| 'unauthorized'
	| 'forbidden'
	| 'conflict'
	| 'not_found'
	| 'method_not_allowed'
	| 'unsupported_media_type'
	| 'payload_too_large'
	| 'rate_limited'
	| 'internal_error'
	| 'unavailable';

/** What a 500 says: never a stack trace or an error message, only how to get help. */
export const INTERNAL_ERROR_MESSAGE =
	'Something went wrong on our side. Quote the request id if you contact us.';

/** The one error shape of the API: `{ "error": { code, message, requestId, field? } }`. */
export interface ProblemBody {
	error: {
		code: ProblemCode;
		message: string;
		requestId: string;
		/** The request field at fault, when one is (e.g. "email"). */
		field?: string;
	};
}

/** Builds the API's error body. Messages must be safe to show: no stack traces, no secrets. */
export function createProblem(
	code: ProblemCode,
	message: string,
	requestId: string,
	field?: string,
): ProblemBody {
	return { error: { code, message, requestId, ...(field === undefined ? {} : { field }) } };
}
