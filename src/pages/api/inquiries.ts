import type { APIRoute } from 'astro';
import { bodyFormat, MAX_INQUIRY_BODY_BYTES } from '~/lib/inquiries/request-body';
import { json, methodNotAllowed, problem } from '~/server/http';
import { createSubmissionDeps } from '~/server/inquiry-deps';
import { formSubmission, submitInquiry, type Submission } from '~/server/inquiry-submission';

export const prerender = false;

const SAFE_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Accepts a project inquiry as JSON or a form post (docs/api.md). It is committed to D1 with
 * its follow-up jobs before the answer, so nothing accepted is lost; `Idempotency-Key` makes
 * retries and double clicks return the first result.
 */
export const POST: APIRoute = async ({ request, locals }) => {
	const { requestId } = locals;
	const format = bodyFormat(request.headers.get('content-type'));
	if (!format) {
		return problem(
			415,
			'unsupported_media_type',
			'Send JSON (application/json) or a form post (application/x-www-form-urlencoded).',
			requestId,
			{ field: 'content-type' },
		);
	}
	const tooLarge = () =>
		problem(
			413,
			'payload_too_large',
			`The inquiry must be at most ${MAX_INQUIRY_BODY_BYTES / 1024} KB.`,
			requestId,
			{ field: 'body' },
		);
	if (Number(request.headers.get('content-length') ?? 0) > MAX_INQUIRY_BODY_BYTES) return tooLarge();
	const text = await request.text();
	if (new TextEncoder().encode(text).length > MAX_INQUIRY_BODY_BYTES) return tooLarge();

	const clientIp = request.headers.get('cf-connecting-ip');
	let submission: Submission;
	if (format === 'json') {
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch {
			return problem(400, 'bad_request', 'The body is not valid JSON.', requestId, { field: 'body' });
		}
		submission = {
			raw,
			fromForm: false,
			honeypot: '',
			formToken: null,
			turnstileToken: null,
			idempotencyKey: null,
			clientIp,
		};
	} else {
		submission = formSubmission(new URLSearchParams(text), clientIp);
	}
	const idempotencyKey = request.headers.get('idempotency-key') ?? submission.idempotencyKey;
	if (idempotencyKey !== null && !SAFE_KEY.test(idempotencyKey)) {
		return problem(
			400,
			'bad_request',
			'Idempotency-Key must be 8 to 100 letters, digits, dots, colons, dashes or underscores.',
			requestId,
			{ field: 'idempotency-key' },
		);
	}

	const result = await submitInquiry({ ...submission, idempotencyKey }, createSubmissionDeps(requestId));
	if (result.kind === 'invalid') {
		const [field, message] = Object.entries(result.errors)[0] ?? ['body', 'The inquiry is not valid.'];
		return problem(400, 'bad_request', message ?? 'The inquiry is not valid.', requestId, { field });
	}
	if (result.kind === 'rate-limited') {
		return problem(
			429,
			'rate_limited',
			`Too many inquiries from here; try again in ${result.retryAfterSeconds} seconds.`,
			requestId,
			{
				headers: { 'retry-after': String(result.retryAfterSeconds) },
			},
		);
	}
	const statusUrl = `/inquiries/${result.inquiry.id}`;
	if (submission.fromForm) return new Response(null, { status: 303, headers: { location: statusUrl } });
	return json({ id: result.inquiry.id, status: 'received', statusUrl, created: result.created }, 202, {
		location: statusUrl,
	});
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['POST'], locals.requestId);
