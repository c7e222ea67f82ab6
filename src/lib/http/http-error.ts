import type { ProblemCode } from './problem.ts';

/** What an HTTP error carries besides its status and message. */
export interface HttpErrorOptions {
	/** The request field at fault, e.g. "email", "body" or "content-type". */
	field?: string;
	/** Headers the answer needs, e.g. `retry-after` or `allow`. */
	headers?: Record<string, string>;
}

/**
 * A problem a route throws instead of building a response. The middleware turns it into the
 * API's JSON problem body (or a page's error page) in one place, with the request id, so no
 * route threads the id through its error paths. Its message is shown to the client as is.
 */
export class HttpError extends Error {
	override readonly name = 'HttpError';

	constructor(
		readonly status: number,
		readonly code: ProblemCode,
		message: string,
		readonly options: HttpErrorOptions = {},
	) {
		super(message);
	}
}

/** 400, naming the field at fault. */
export const badRequest = (message: string, field: string): HttpError =>
	new HttpError(400, 'bad_request', message, { field });

/** 405 for a method a route does not support, listing the ones it does. */
export const methodNotAllowed = (allowed: readonly string[]): HttpError =>
	new HttpError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} on this URL.`, {
		headers: { allow: allowed.join(', ') },
	});

/** 429 with the seconds to wait, as a message and a `retry-after` header. */
export const rateLimited = (what: string, retryAfterSeconds: number): HttpError =>
	new HttpError(429, 'rate_limited', `Too many ${what}; try again in ${retryAfterSeconds} seconds.`, {
		headers: { 'retry-after': String(retryAfterSeconds) },
	});
