import type { APIRoute } from 'astro';
import { badRequest, methodNotAllowed, rateLimited } from '~/lib/http/http-error';
import { isSafeIdempotencyKey, MAX_INQUIRY_BODY_BYTES } from '~/lib/inquiries/request-body';
import { readBody } from '~/server/http/body';
import { json } from '~/server/http/responses';
import { formSubmission, jsonSubmission, submitInquiry } from '~/server/inquiries/submit';
import { submissionDeps } from '~/server/services';

export const prerender = false;

/**
 * Accepts a project inquiry as JSON or a form post (docs/api.md). It is committed to D1 with
 * its follow-up jobs before the answer, so nothing accepted is lost; `Idempotency-Key` makes
 * retries and double clicks return the first result.
 */
export const POST: APIRoute = async ({ request, locals }) => {
	const body = await readBody(request, { maxBytes: MAX_INQUIRY_BODY_BYTES, formats: ['json', 'form'] });
	const clientIp = request.headers.get('cf-connecting-ip');
	const submission =
		body.format === 'form' ? formSubmission(body.data, clientIp) : jsonSubmission(body.data, clientIp);
	const idempotencyKey = request.headers.get('idempotency-key') ?? submission.idempotencyKey;
	if (idempotencyKey !== null && !isSafeIdempotencyKey(idempotencyKey))
		throw badRequest(
			'Idempotency-Key must be 8 to 100 letters, digits, dots, colons, dashes or underscores.',
			'idempotency-key',
		);

	const result = await submitInquiry({ ...submission, idempotencyKey }, submissionDeps(locals.services));
	if (result.kind === 'invalid') {
		const [field, message] = Object.entries(result.errors)[0] ?? ['body', 'The inquiry is not valid.'];
		throw badRequest(message ?? 'The inquiry is not valid.', field);
	}
	if (result.kind === 'rate-limited') throw rateLimited('inquiries from here', result.retryAfterSeconds);
	if (result.kind === 'busy') throw rateLimited('inquiries reach us right now', result.retryAfterSeconds);
	const statusUrl = `/inquiries/${result.inquiry.id}`;
	if (body.format === 'form') return new Response(null, { status: 303, headers: { location: statusUrl } });
	return json({ id: result.inquiry.id, status: 'received', statusUrl, created: result.created }, 202, {
		location: statusUrl,
	});
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
