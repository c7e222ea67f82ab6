import { createProblem, type ProblemCode } from '~/lib/http/problem';

/** A JSON response with the right content type. */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
	return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** An API error in the site's one error shape (see src/lib/http/problem.ts). */
export function problem(
	status: number,
	code: ProblemCode,
	message: string,
	requestId: string,
	options: { field?: string; headers?: HeadersInit } = {},
): Response {
	return json(createProblem(code, message, requestId, options.field), status, options.headers);
}

/** 405 for a method a route does not support, listing the ones it does. */
export function methodNotAllowed(allowed: readonly string[], requestId: string): Response {
	return problem(405, 'method_not_allowed', `Use ${allowed.join(' or ')} on this URL.`, requestId, {
		headers: { allow: allowed.join(', ') },
	});
}
