import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { hashClientIp } from '~/lib/inquiries/ip-hash';
import { bodyFormat } from '~/lib/inquiries/request-body';
import type { RecordedJobMessage } from '~/lib/queue/messages';
import { env, getConfig } from '~/server/bindings';
import { createJobsRepo } from '~/server/db/jobs-repo';
import { json, methodNotAllowed, problem } from '~/server/http';
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
	const { requestId } = locals;
	const format = bodyFormat(request.headers.get('content-type'));
	if (!format)
		return problem(415, 'unsupported_media_type', 'Send JSON or a form post.', requestId, {
			field: 'content-type',
		});
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES)
		return problem(413, 'payload_too_large', 'A report request must be at most 16 KB.', requestId, {
			field: 'body',
		});

	let calculator: string | null;
	let get: (name: string) => string | null;
	if (format === 'form') {
		const form = new URLSearchParams(text);
		calculator = form.get('calculator');
		get = (name) => form.get(name);
	} else {
		let body: { calculator?: unknown; values?: Record<string, unknown> };
		try {
			body = JSON.parse(text) as typeof body;
		} catch {
			return problem(400, 'bad_request', 'The body is not valid JSON.', requestId, { field: 'body' });
		}
		calculator = typeof body.calculator === 'string' ? body.calculator : null;
		const values = typeof body.values === 'object' && body.values !== null ? body.values : {};
		get = (name) => (values[name] === undefined ? null : String(values[name]));
	}

	const checked = readReportRequest(calculator, get, await getPriceCatalog(), url.origin);
	if (!checked.ok) {
		// Without JavaScript, the calculator page itself shows which field is wrong.
		if (format === 'form' && checked.calculator)
			return Response.redirect(
				new URL(`/tools/${checked.calculator}?${new URLSearchParams(text)}`, url),
				303,
			);
		return problem(400, 'bad_request', checked.message, requestId, { field: checked.field });
	}

	// Keyed by a hash, so KV never holds a visitor's IP address.
	const ip = request.headers.get('cf-connecting-ip');
	const client = ip ? await hashClientIp(ip, 'rate-limit') : 'unknown';
	const limit = await takeRateLimit(env.CACHE, `report:${client}`, REPORT_LIMIT, Date.now());
	if (!limit.allowed)
		return problem(
			429,
			'rate_limited',
			`Too many reports; try again in ${limit.retryAfterSeconds} seconds.`,
			requestId,
			{
				headers: { 'retry-after': String(limit.retryAfterSeconds) },
			},
		);

	const jobId = await startReport(checked.input, {
		jobs: createJobsRepo(env.DB),
		queue: env.JOBS as Queue<RecordedJobMessage>,
		newId,
		maxAttempts: getConfig().jobs.maxAttempts,
		now: Date.now(),
		log: (line) => console.log(JSON.stringify({ ...line, requestId })),
	});
	const page = `/reports/${jobId}`;
	if (format === 'form') return new Response(null, { status: 303, headers: { location: page } });
	return json({ id: jobId, state: 'queued', statusUrl: `/api/jobs/${jobId}`, reportUrl: page }, 202, {
		location: `/api/jobs/${jobId}`,
	});
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['POST'], locals.requestId);
