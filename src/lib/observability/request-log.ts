/**
 * Our log line for a request that needs one, as Workers Logs and `wrangler tail` show it. Every
 * invocation already gets Cloudflare's execution log (method, URL, status, timing), so this line
 * is written only where it adds something: see `needsRequestLogLine`.
 */
export interface RequestLogLine {
	level: 'info' | 'warn' | 'error';
	msg: 'request';
	method: string;
	path: string;
	status: number;
	durationMs: number;
	requestId: string;
	/** The W3C trace this request belongs to (src/lib/observability/trace-context.ts). */
	traceId: string;
}

/**
 * Describes a finished request. Only the path is kept: query strings may carry personal data.
 * Server errors log at `error`, client errors at `warn`, so alerts can filter on level.
 * @example createRequestLogLine({ method: 'GET', url: 'https://x.dev/a?q=1', status: 200, durationMs: 3, requestId: 'r1', traceId: 't1' }).path // => '/a'
 */
export function createRequestLogLine(request: {
	method: string;
	url: string;
	status: number;
	durationMs: number;
	requestId: string;
	traceId: string;
}): RequestLogLine {
	const level = request.status >= 500 ? 'error' : request.status >= 400 ? 'warn' : 'info';
	return {
		level,
		msg: 'request',
		method: request.method,
		path: new URL(request.url).pathname,
		status: request.status,
		durationMs: Math.round(request.durationMs * 10) / 10,
		requestId: request.requestId,
		traceId: request.traceId,
	};
}

/** A request slower than this gets a line even when it succeeded. */
export const SLOW_REQUEST_MS = 1000;

/**
 * Whether a finished request gets our own line. Refused and failed requests do: their answer
 * shows the visitor a request id to quote, and the line makes that id searchable at `warn` or
 * `error`. So do slow ones. A quick success does not: Cloudflare's execution log already
 * records it, and a second line per request would double the billed log events
 * (docs/decisions/0007-log-what-the-execution-log-lacks.md).
 * @example needsRequestLogLine(202, 40) // => false
 * @example needsRequestLogLine(429, 2) // => true
 */
export function needsRequestLogLine(status: number, durationMs: number): boolean {
	return status >= 400 || durationMs >= SLOW_REQUEST_MS;
}
