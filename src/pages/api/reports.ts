import type { APIRoute } from 'astro';
import { isJsonObject } from '~/lib/http/body-format';
import { badRequest, methodNotAllowed, rateLimited } from '~/lib/http/http-error';
import { readBody } from '~/server/http/body';
import { json } from '~/server/http/responses';
import { clientKey, takeRateLimits } from '~/server/http/rate-limit';
import { readReportRequest, startReport } from '~/server/reports/start';
import { newId } from '~/server/services';

export const prerender = false;

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Starts a full report for a calculator's inputs (docs/api.md, "Reports"). A form post (the
 * calculator's "Build a full report" button) is sent to the report's page; JSON gets 202.
 */
export const POST: APIRoute = async ({ request, locals, url }) => {
	const body = await readBody(request, { maxBytes: MAX_BODY_BYTES, formats: ['json', 'form'] });
	let calculator: string | null;
	let get: (name: string) => string | null;
	if (body.format === 'form') {
		const form = body.data;
		calculator = form.get('calculator');
		get = (name) => form.get(name);
	} else {
		calculator = typeof body.data.calculator === 'string' ? body.data.calculator : null;
		const fields = isJsonObject(body.data.values) ? body.data.values : {};
		get = (name) => (fields[name] === undefined ? null : String(fields[name]));
	}

	const checked = readReportRequest(calculator, get, await locals.services.catalog(), url.origin);
	if (!checked.ok) {
		// Without JavaScript, the calculator page itself shows which field is wrong.
		if (body.format === 'form' && checked.calculator)
			return Response.redirect(new URL(`/tools/${checked.calculator}?${body.data}`, url), 303);
		throw badRequest(checked.message, checked.field);
	}

	const { config, db, repos, queue, log } = locals.services;
	const now = Date.now();
	const client = await clientKey('report', request.headers.get('cf-connecting-ip'), config.spam.ipHashSalt);
	const verdict = await takeRateLimits(
		db,
		repos.rateLimits,
		[
			{ key: client, max: config.limits.reportsPerClient, windowMs: config.spam.rateLimitWindowMs },
			{ key: 'report:all', max: config.limits.reportsPerMinute, windowMs: 60_000 },
		],
		now,
	);
	if (!verdict.allowed)
		throw rateLimited(
			verdict.refusedBy === 0 ? 'reports' : 'reports are being built right now',
			verdict.retryAfterSeconds,
		);

	const jobId = await startReport(checked.input, {
		jobs: repos.jobs,
		queue,
		newId,
		maxAttempts: config.jobs.maxAttempts,
		now,
		log,
	});
	const page = `/reports/${jobId}`;
	if (body.format === 'form') return new Response(null, { status: 303, headers: { location: page } });
	return json({ id: jobId, state: 'queued', statusUrl: `/api/jobs/${jobId}`, reportUrl: page }, 202, {
		location: `/api/jobs/${jobId}`,
	});
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
