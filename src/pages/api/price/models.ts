import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { AI_SPEND_DEFAULT_MODELS } from '~/lib/calculators/ai-spend/fields';
import { describeModels } from '~/lib/pricing/model-listing';
import { methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';

export const prerender = false;

/**
 * Every model `POST /api/price` accepts: today's prices, prompt-length bands and announced price
 * changes, caching rules, lifecycle (status, dates, successor), and which one the AI spend
 * calculator starts from (`default: true`).
 */
export const GET: APIRoute = async () => {
	const catalog = await getPriceCatalog();
	const models = describeModels(catalog.llm, catalog.today, AI_SPEND_DEFAULT_MODELS.model);
	return json({ today: catalog.today, models }, 200, { 'cache-control': 'public, max-age=300' });
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
