import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { REQUEST_ID_HEADER } from '~/lib/http/request-id';
import { isCrossSiteWrite } from '~/lib/http/same-origin';
import { authenticateOperator, isOperatorPath } from '~/server/admin-auth';
import { getConfig } from '~/server/bindings';
import { problem } from '~/server/http';

/**
 * Exposes the request id (set by src/server/request-context.ts) to pages and endpoints,
 * refuses state-changing requests from other sites (for JSON too, which Astro's own
 * checkOrigin lets through), and gives API routes JSON errors: a thrown error becomes the
 * problem body, never a stack trace. Operator paths (/admin, /api/metrics) need credentials. Prerendered pages run this at build time, with no id.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await respond(context, next);
	if (context.request.body && !context.request.bodyUsed) await drain(context.request.body);
	return response;
});

/** Bytes of an unread body read and dropped; past this the rest is cancelled. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads and drops a body a route left unread (a 413, 415, 401 or 403 answered from the
 * headers). Left unread, it breaks the next request through wrangler's local dev proxy
 * (workers-sdk issues 15203 and 15709); cancelling alone does not help there.
 */
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
	const reader = body.getReader();
	let read = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			read += value.byteLength;
			if (read > DRAIN_LIMIT_BYTES) return void (await reader.cancel());
		}
	} catch {
		// The client went away; nothing is left to read.
	}
}

async function respond(context: APIContext, next: MiddlewareNext): Promise<Response> {
	const requestId = context.isPrerendered
		? 'build'
		: (context.request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID());
	context.locals.requestId = requestId;
	const isApi = context.url.pathname.startsWith('/api/');
	const { headers, method } = context.request;
	if (
		isCrossSiteWrite({
			method,
			origin: headers.get('origin'),
			secFetchSite: headers.get('sec-fetch-site'),
			requestOrigin: context.url.origin,
		})
	) {
		const message = 'Requests that change data must come from this site.';
		return isApi ? problem(403, 'forbidden', message, requestId) : new Response(message, { status: 403 });
	}
	if (isOperatorPath(context.url.pathname)) {
		const { admin } = getConfig();
		const auth = await authenticateOperator(headers, admin, Date.now());
		if (!auth.ok) {
			// A browser shows its sign-in prompt for basic auth; Access signs people in before they get here.
			const challenge: HeadersInit = admin.access
				? {}
				: { 'www-authenticate': 'Basic realm="Loadbearing operator", charset="UTF-8"' };
			const message = `Operator credentials required: ${auth.reason}.`;
			return isApi
				? problem(401, 'unauthorized', message, requestId, { headers: challenge })
				: new Response(message, {
						status: 401,
						headers: {
							...challenge,
							'content-type': 'text/plain; charset=utf-8',
							'cache-control': 'no-store',
						},
					});
		}
		context.locals.operator = auth.actor;
	}
	if (!isApi) return next();
	try {
		return await next();
	} catch (error) {
		console.log(
			JSON.stringify({
				level: 'error',
				msg: 'api route failed',
				requestId,
				path: context.url.pathname,
				error: error instanceof Error ? error.message : String(error),
			}),
		);
		return problem(
			500,
			'internal_error',
			'Something went wrong on our side. Quote the request id if you contact us.',
			requestId,
		);
	}
}
