import type { APIRoute } from 'astro';
import { getPriceCatalog } from '~/data/pricing';
import { json, methodNotAllowed } from '~/server/http';

export const prerender = false;

/** The LLM models `POST /api/price` accepts, with their per-million-token prices and sources. */
export const GET: APIRoute = async () => {
	const { llm } = await getPriceCatalog();
	const models = llm.flatMap((sheet) =>
		sheet.models.map((model) => ({
			...model,
			provider: sheet.provider,
			priceSheet: { id: sheet.id, asOf: sheet.asOf.toISOString().slice(0, 10), source: sheet.source },
		})),
	);
	return json({ models }, 200, { 'cache-control': 'public, max-age=300' });
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['GET'], locals.requestId);
