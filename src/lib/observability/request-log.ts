/** One structured log line per request, as Workers Logs and `wrangler tail` show it. */
export interface RequestLogLine {
	level: 'info' | 'warn' | 'error';
	msg: 'request';
	method: string;
	path: string;
	status: number;
	durationMs: number;
	requestId: string;
}

/**
 * Describes a finished request. Only the path is kept: query strings may carry personal data.
 * Server errors log at `error`, client errors at `warn`, so alerts can filter on level.
 * @example createRequestLogLine({ method: 'GET', url: 'https://x.dev/a?q=1', status: 200, durationMs: 3, requestId: 'r1' }).path // => '/a'
 */
export function createRequestLogLine(request: {
	method: string;
	url: string;
	status: number;
	durationMs: number;
	requestId: string;
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
	};
}
