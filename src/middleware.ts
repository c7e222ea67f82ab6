import { defineMiddleware, sequence } from 'astro:middleware';
import { errorPageHtml } from '~/lib/http/error-page';
import { HttpError, rateLimited } from '~/lib/http/http-error';
import { INTERNAL_ERROR_MESSAGE } from '~/lib/http/problem';
import { isTransientStorageError, storageBusy } from '~/lib/http/storage-busy';
import { REQUEST_ID_HEADER } from '~/lib/http/request-id';
import {
	inlineSources,
	keepUsedHashes,
	metaPolicy,
	replaceHashes,
	withMetaPolicy,
} from '~/lib/http/page-csp';
import { pruneInlineStyles } from '~/lib/http/unused-css';
import { isCrossSiteWrite } from '~/lib/http/same-origin';
import { isOperatorPath } from '~/server/operator/auth';
import { env } from '~/server/bindings';
import { drainUnread } from '~/server/http/body';
import { writeLog } from '~/server/observability/trace-scope';
import { signInOperator } from '~/server/operator/sign-in';
import { createServices, signInDeps } from '~/server/services';
import { problem } from '~/server/http/responses';

// Every request passes these in order. Prerendered pages run them at build time, with no id.

/**
 * Gives the request its id and its services (src/server/services.ts), and drains a body the
 * route left unread (see server/http/body.ts). The id and the request's trace were set by the
 * Worker's fetch handler (server/http/request-context.ts); log lines pick both up from there.
 */
const requestContext = defineMiddleware(async (context, next) => {
	if (context.isPrerendered) {
		context.locals.requestId = 'build';
		return next();
	}
	const requestId = context.request.headers.get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
	context.locals.requestId = requestId;
	context.locals.services = createServices(env);
	const response = await next();
	await drainUnread(context.request);
	return response;
});

/**
 * Turns what a route throws into the answer, in one place: an HttpError into the API's JSON
 * problem body (or a small HTML error page on a page), a transient database error into a 503
 * with Retry-After, anything else on an API path into a 500 with no stack trace. A page's
 * unexpected error goes on to Astro, which renders the 500 page.
 */
const errorResponses = defineMiddleware(async (context, next) => {
	const { requestId } = context.locals;
	// API routes and file downloads (.csv, .md) answer in JSON; pages with an HTML error page.
	const isApi = context.url.pathname.startsWith('/api/') || /\.[a-z]+$/.test(context.url.pathname);
	try {
		return await next();
	} catch (thrown) {
		const error = isTransientStorageError(thrown) ? storageBusy() : thrown;
		if (error !== thrown)
			writeLog({
				level: 'warn',
				msg: 'database busy: answered 503',
				requestId,
				path: context.url.pathname,
				error: thrown instanceof Error ? thrown.message : String(thrown),
			});
		if (error instanceof HttpError) {
			const { status, code, message, options } = error;
			if (isApi) return problem(status, code, message, requestId, options);
			return new Response(errorPageHtml(status, message, requestId), {
				status,
				headers: {
					...options.headers,
					'content-type': 'text/html; charset=utf-8',
					'cache-control': 'no-store',
				},
			});
		}
		if (!isApi) throw error;
		writeLog({
			level: 'error',
			msg: 'api route failed',
			requestId,
			path: context.url.pathname,
			error: error instanceof Error ? error.message : String(error),
		});
		return problem(500, 'internal_error', INTERNAL_ERROR_MESSAGE, requestId);
	}
});

/** `'sha256-…'` sources for each inline block, as a CSP lists them. */
async function hashSources(blocks: readonly string[]): Promise<string[]> {
	const encoder = new TextEncoder();
	const digests = await Promise.all(
		blocks.map((text) => crypto.subtle.digest('SHA-256', encoder.encode(text))),
	);
	return digests.map((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
}

/**
 * `html` pruned of the CSS it never uses (lib/http/unused-css.ts), and the hash of each style it
 * trimmed mapped to the trimmed one's.
 */
async function withoutUnusedCss(
	html: string,
): Promise<{ html: string; replacedHashes: Map<string, string> }> {
	const pruned = pruneInlineStyles(html);
	const replacedHashes = new Map<string, string>();
	for (const { from, to } of pruned.trimmed) {
		const [fromHash = '', toHash = ''] = await hashSources([from, to]);
		replacedHashes.set(fromHash, toHash);
	}
	return { html: pruned.html, replacedHashes };
}

/**
 * Sends each page with the styles it uses and a CSP with the hashes of its own inline blocks only
 * (lib/http/page-csp.ts says why): the `<meta>` of a page prerendered at build time, the header of
 * one rendered on demand. The on-demand page is read whole to do so; its first byte waits for its
 * last (a few ms).
 */
const ownStylesAndHashes = defineMiddleware(async (context, next) => {
	const response = await next();
	const header = response.headers.get('content-security-policy');
	const isPage = response.headers.get('content-type')?.startsWith('text/html') ?? false;
	if (!isPage || (!context.isPrerendered && !header?.includes("'sha"))) return response;
	const { html, replacedHashes } = await withoutUnusedCss(await response.text());
	const { scripts, styles } = inlineSources(html);
	const used = new Set(await hashSources([...scripts, ...styles]));
	const narrow = (policy: string) => keepUsedHashes(replaceHashes(policy, replacedHashes), used);
	const meta = metaPolicy(html);
	const headers = new Headers(response.headers);
	if (header) headers.set('content-security-policy', narrow(header));
	headers.delete('content-length');
	return new Response(meta === null ? html : withMetaPolicy(html, narrow(meta)), {
		status: response.status,
		statusText: response.statusText,
		headers,
	});
});

/** Refuses state-changing requests from other sites, for JSON too (Astro's checkOrigin covers forms only). */
const sameOrigin = defineMiddleware((context, next) => {
	// A build-time render is no request from anyone, and Astro warns when it reads its headers.
	if (context.isPrerendered) return next();
	const { headers, method } = context.request;
	const crossSite = isCrossSiteWrite({
		method,
		origin: headers.get('origin'),
		secFetchSite: headers.get('sec-fetch-site'),
		requestOrigin: context.url.origin,
	});
	if (crossSite) throw new HttpError(403, 'forbidden', 'Requests that change data must come from this site.');
	return next();
});

/** Operator paths (/admin, /api/metrics) need credentials; why a check failed is logged and audited, never shown. */
const operatorAuth = defineMiddleware(async (context, next) => {
	const path = context.url.pathname;
	if (!isOperatorPath(path)) return next();
	const { services } = context.locals;
	const signIn = await signInOperator(context.request, path, signInDeps(services));
	if (signIn.ok) {
		context.locals.operator = signIn.actor;
		return next();
	}
	if (signIn.status === 429) throw rateLimited('failed sign-ins from your network', signIn.retryAfterSeconds);
	// A browser shows its sign-in prompt for basic auth; Access signs people in before they get here.
	const challenge = services.config.admin.access
		? {}
		: { 'www-authenticate': 'Basic realm="Loadbearing operator", charset="UTF-8"' };
	throw new HttpError(401, 'unauthorized', 'Operator credentials are required.', { headers: challenge });
});

export const onRequest = sequence(
	requestContext,
	ownStylesAndHashes,
	errorResponses,
	sameOrigin,
	operatorAuth,
);
