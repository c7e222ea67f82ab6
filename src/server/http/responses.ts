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
