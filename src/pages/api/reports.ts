import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { isJsonObject } from '~/lib/http/body-format';
import { badRequest, methodNotAllowed, rateLimited } from '~/lib/http/http-error';
import { hashClientIp } from '~/lib/inquiries/ip-hash';
import type { RecordedJobMessage } from '~/lib/queue/messages';
import { env, getConfig } from '~/server/bindings';
import { createJobsRepo } from '~/server/db/jobs-repo';
import { readBody } from '~/server/http/body';
import { json } from '~/server/http/responses';
import { newId } from '~/server/inquiry-deps';
import { takeRateLimit } from '~/server/kv/rate-limit';
import { readReportRequest, startReport } from '~/server/reports';

export const prerender = false;

/** A report prices ten traffic levels; this many per client per window is plenty for a person. */
const REPORT_LIMIT = { max: 20, windowMs: 10 * 60_000 };
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

	const checked = readReportRequest(calculator, get, await getPriceCatalog(), url.origin);
	if (!checked.ok) {
		// Without JavaScript, the calculator page itself shows which field is wrong.
		if (body.format === 'form' && checked.calculator)
			return Response.redirect(new URL(`/tools/${checked.calculator}?${body.data}`, url), 303);
		throw badRequest(checked.message, checked.field);
	}

	// Keyed by a hash, so KV never holds a visitor's IP address.
	const ip = request.headers.get('cf-connecting-ip');
	const client = ip ? await hashClientIp(ip, 'rate-limit') : 'unknown';
	const limit = await takeRateLimit(env.CACHE, `report:${client}`, REPORT_LIMIT, Date.now());
	if (!limit.allowed) throw rateLimited('reports', limit.retryAfterSeconds);

	const jobId = await startReport(checked.input, {
		jobs: createJobsRepo(env.DB),
		queue: env.JOBS as Queue<RecordedJobMessage>,
		newId,
		maxAttempts: getConfig().jobs.maxAttempts,
		now: Date.now(),
		log: (line) => console.log(JSON.stringify({ ...line, requestId: locals.requestId })),
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
