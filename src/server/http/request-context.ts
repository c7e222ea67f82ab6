import { createProblem, INTERNAL_ERROR_MESSAGE } from '~/lib/http/problem';
import { REQUEST_ID_HEADER, resolveRequestId } from '~/lib/http/request-id';
import { BASELINE_SECURITY_HEADERS, contentSecurityPolicyFor } from '~/lib/http/security-headers';
import { createRequestLogLine, needsRequestLogLine } from '~/lib/observability/request-log';
import { requestScope, runInScope } from '../observability/trace-scope';

export interface RequestContextDeps {
	now: () => number;
	newId: () => string;
	log: (line: Record<string, unknown>) => void;
	/** The page to show when rendering itself failed (the prebuilt 500 page). */
	errorPage: (request: Request) => Promise<Response>;
}

/**
 * Wraps every request the Worker serves (pages, API routes, static files): gives it a
 * request id and its place in a trace (the caller's `traceparent`, or a new trace), adds the
 * security headers, writes a JSON log line for a refused, failed or slow request, and turns an
 * escaped exception into a plain 500 without a stack trace. The handler runs in the request's
 * scope (server/observability/trace-scope.ts), so its log lines and outbound calls carry its ids.
 */
export async function withRequestContext(
	request: Request,
	handler: (request: Request) => Promise<Response>,
	deps: RequestContextDeps,
): Promise<Response> {
	const started = deps.now();
	const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER), deps.newId);
	const scope = requestScope(request.headers, requestId);
	const { traceId } = scope.trace;
	const headers = new Headers(request.headers);
	headers.set(REQUEST_ID_HEADER, requestId);

	let response: Response;
	try {
		response = await runInScope(scope, () => handler(new Request(request, { headers })));
	} catch (error) {
		deps.log({ level: 'error', msg: 'unhandled error', requestId, traceId, error: describeError(error) });
		response = await internalErrorResponse(request, requestId, deps);
	}

	// Responses from fetch() and the assets binding have immutable headers.
	const secured = new Response(response.body, response);
	for (const [name, value] of Object.entries(BASELINE_SECURITY_HEADERS)) secured.headers.set(name, value);
	secured.headers.set(
		'content-security-policy',
		contentSecurityPolicyFor(
			secured.headers.get('content-type'),
			secured.headers.get('content-security-policy'),
		),
	);
	secured.headers.set(REQUEST_ID_HEADER, requestId);

	const durationMs = deps.now() - started;
	if (needsRequestLogLine(secured.status, durationMs))
		deps.log({
			...createRequestLogLine({
				method: request.method,
				url: request.url,
				status: secured.status,
				durationMs,
				requestId,
				traceId,
			}),
		});
	return secured;
}

async function internalErrorResponse(request: Request, requestId: string, deps: RequestContextDeps) {
	if (new URL(request.url).pathname.startsWith('/api/')) {
		const body = createProblem('internal_error', INTERNAL_ERROR_MESSAGE, requestId);
		return Response.json(body, { status: 500 });
	}
	try {
		const page = await deps.errorPage(request);
		return new Response(page.body, { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
	} catch {
		return new Response(`Something went wrong on our side. Request id: ${requestId}`, { status: 500 });
	}
}

const describeError = (error: unknown) =>
	error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
