import type { APIRoute } from 'astro';
import { inquiryErrors, InquiryInputSchema } from '~/lib/inquiries/schema';
import { bodyFormat, formToInquiry, MAX_INQUIRY_BODY_BYTES } from '~/lib/inquiries/request-body';
import { env, getConfig } from '~/server/bindings';
import { createInquiriesRepo } from '~/server/db/inquiries-repo';
import { json, methodNotAllowed, problem } from '~/server/http';
import { acceptInquiry } from '~/server/inquiries';
import type { InquiryJobMessage } from '~/lib/queue/messages';

export const prerender = false;

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;

/**
 * Accepts a project inquiry (JSON or a form post). It is committed to D1 with its follow-up jobs
 * before the answer, so nothing accepted is lost; `Idempotency-Key` makes retries safe.
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

	let raw: unknown;
	let formKey: string | null = null;
	if (format === 'json') {
		try {
			raw = JSON.parse(text);
		} catch {
			return problem(400, 'bad_request', 'The body is not valid JSON.', requestId, { field: 'body' });
		}
	} else {
		const form = new URLSearchParams(text);
		raw = formToInquiry(form);
		formKey = form.get('idempotencyKey');
	}
	const parsed = InquiryInputSchema.safeParse(raw);
	if (!parsed.success) {
		const [field, message] = Object.entries(inquiryErrors(raw))[0] ?? ['body', 'The inquiry is not valid.'];
		return problem(400, 'bad_request', message ?? 'The inquiry is not valid.', requestId, { field });
	}

	const idempotencyKey = request.headers.get('idempotency-key') ?? formKey;
	if (idempotencyKey !== null && !/^[A-Za-z0-9._:-]{8,100}$/.test(idempotencyKey)) {
		return problem(
			400,
			'bad_request',
			'Idempotency-Key must be 8 to 100 letters, digits, dots, colons, dashes or underscores.',
			requestId,
			{ field: 'idempotency-key' },
		);
	}
	const config = getConfig();
	const { inquiry, created } = await acceptInquiry(
		parsed.data,
		{ idempotencyKey, ipHash: null, spam: false },
		{
			inquiries: createInquiriesRepo(env.DB),
			queue: env.JOBS as Queue<InquiryJobMessage>,
			newId,
			now: Date.now(),
			maxAttempts: config.jobs.maxAttempts,
			log: (line) => console.log(JSON.stringify({ ...line, requestId })),
		},
	);
	const statusUrl = `/inquiries/${inquiry.id}`;
	if (format === 'form') return new Response(null, { status: 303, headers: { location: statusUrl } });
	return json({ id: inquiry.id, status: 'received', statusUrl, created }, 202, { location: statusUrl });
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['POST'], locals.requestId);
