import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { meteredSheet } from '~/lib/pricing/catalog';
import { estimateProduct, type Estimate } from '~/lib/pricing/estimate';
import { estimateLlm, lifecycleNotices } from '~/lib/pricing/llm-estimate';
import { findModel } from '~/lib/pricing/llm';
import { parsePriceRequest } from '~/lib/pricing/price-request';
import { staleNotice } from '~/lib/pricing/staleness';
import { json, methodNotAllowed, problem } from '~/server/http';

export const prerender = false;

/** Largest request body accepted, checked before parsing. */
const MAX_BODY_BYTES = 16 * 1024;

/** Adds a notice when the sheet behind an estimate is past its review date. */
const withStaleness = (estimate: Estimate, sheet: Parameters<typeof staleNotice>[0], today: string) => {
	const stale = staleNotice(sheet, today);
	return { ...estimate, notices: [...(estimate.notices ?? []), ...(stale ? [stale] : [])] };
};

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

	const catalog = await getPriceCatalog();
	const models = catalog.llm.flatMap((sheet) => sheet.models.map((model) => model.id));
	const parsed = parsePriceRequest(body, models);
	if (!parsed.ok)
		return problem(400, 'bad_request', parsed.error.message, requestId, { field: parsed.error.field });

	const { request: priceRequest } = parsed;
	if (priceRequest.product === 'llm') {
		// A retired model still answers 200, with its last published prices and a notice saying so.
		const entry = findModel(catalog.llm, priceRequest.usage.model);
		if (!entry) return problem(400, 'bad_request', 'Unknown model.', requestId, { field: 'usage.model' });
		const estimate = estimateLlm(priceRequest.usage, catalog.llm, catalog.today);
		const lifecycle = lifecycleNotices(entry, catalog.llm, catalog.today);
		return json(
			withStaleness(
				{ ...estimate, notices: [...lifecycle, ...(estimate.notices ?? [])] },
				entry.sheet,
				catalog.today,
			),
		);
	}
	const sheet = meteredSheet(catalog.metered, priceRequest.product);
	const estimate = estimateProduct(priceRequest.product, priceRequest.usage, sheet, priceRequest.options);
	return json(withStaleness(estimate, sheet, catalog.today));
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['POST'], locals.requestId);
