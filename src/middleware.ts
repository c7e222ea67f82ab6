import { defineMiddleware } from 'astro:middleware';
import { REQUEST_ID_HEADER } from '~/lib/http/request-id';
import { isCrossSiteWrite } from '~/lib/http/same-origin';
import { problem } from '~/server/http';

/**
 * Exposes the request id (set by src/server/request-context.ts) to pages and endpoints,
 * refuses state-changing requests from other sites (for JSON too, which Astro's own
 * checkOrigin lets through), and gives API routes JSON errors: a thrown error becomes the
 * problem body, never a stack trace. Prerendered pages run this at build time, with no id.
 */
export const onRequest = defineMiddleware(async (context, next) => {
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
});
