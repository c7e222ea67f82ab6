import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { meteredSheet } from '~/lib/pricing/catalog';
import { estimateLlm, estimateProduct, findModel } from '~/lib/pricing/estimate';
import { parsePriceRequest } from '~/lib/pricing/price-request';
import { json, methodNotAllowed, problem } from '~/server/http';

export const prerender = false;

/** Largest request body accepted, checked before parsing. */
const MAX_BODY_BYTES = 16 * 1024;

/** Prices a month of usage of one product (see docs/api.md). */
export const POST: APIRoute = async ({ request, locals }) => {
	const { requestId } = locals;
	if (!request.headers.get('content-type')?.includes('application/json')) {
		return problem(
			415,
			'unsupported_media_type',
			'Send JSON with Content-Type: application/json.',
			requestId,
			{ field: 'content-type' },
		);
	}
	if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
		return problem(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`, requestId, {
			field: 'body',
		});
	}
	const text = await request.text();
	if (text.length > MAX_BODY_BYTES) {
		return problem(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`, requestId, {
			field: 'body',
		});
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return problem(400, 'bad_request', 'The body is not valid JSON.', requestId, { field: 'body' });
	}

	const sheets = await getPriceCatalog();
	const models = sheets.llm.flatMap((sheet) => sheet.models.map((model) => model.id));
	const parsed = parsePriceRequest(body, models);
	if (!parsed.ok)
		return problem(400, 'bad_request', parsed.error.message, requestId, { field: parsed.error.field });

	const { request: priceRequest } = parsed;
	if (priceRequest.product === 'llm') {
		const found = findModel(sheets.llm, priceRequest.usage.model);
		if (!found) return problem(400, 'bad_request', 'Unknown model.', requestId, { field: 'usage.model' });
		return json(estimateLlm(priceRequest.usage, found.sheet));
	}
	const sheet = meteredSheet(sheets.metered, priceRequest.product);
	return json(estimateProduct(priceRequest.product, priceRequest.usage, sheet, priceRequest.options));
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['POST'], locals.requestId);
