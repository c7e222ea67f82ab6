import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { meteredSheet } from '~/lib/pricing/catalog';
import { estimateProduct, type Estimate } from '~/lib/pricing/estimate';
import { estimateLlm, lifecycleNotices } from '~/lib/pricing/llm-estimate';
import { findModel } from '~/lib/pricing/llm';
import { parsePriceRequest } from '~/lib/pricing/price-request';
import { staleNotice } from '~/lib/pricing/staleness';
import { badRequest, methodNotAllowed } from '~/lib/http/http-error';
import { readBody } from '~/server/http/body';
import { json } from '~/server/http/responses';

export const prerender = false;

/** Largest request body accepted, checked before parsing. */
const MAX_BODY_BYTES = 16 * 1024;

/** Adds a notice when the sheet behind an estimate is past its review date. */
const withStaleness = (estimate: Estimate, sheet: Parameters<typeof staleNotice>[0], today: string) => {
	const stale = staleNotice(sheet, today);
	return { ...estimate, notices: [...(estimate.notices ?? []), ...(stale ? [stale] : [])] };
};

/** Prices a month of usage of one product (see docs/api.md). */
export const POST: APIRoute = async ({ request }) => {
	const { data: body } = await readBody(request, { maxBytes: MAX_BODY_BYTES, formats: ['json'] });

	const catalog = await getPriceCatalog();
	const models = catalog.llm.flatMap((sheet) => sheet.models.map((model) => model.id));
	const parsed = parsePriceRequest(body, models);
	if (!parsed.ok) throw badRequest(parsed.error.message, parsed.error.field);

	const { request: priceRequest } = parsed;
	if (priceRequest.product === 'llm') {
		// A retired model still answers 200, with its last published prices and a notice saying so.
		const entry = findModel(catalog.llm, priceRequest.usage.model);
		if (!entry) throw badRequest('Unknown model.', 'usage.model');
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

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
