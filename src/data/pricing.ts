// Loads the price sheets (content/pricing) for pages and API routes.
import { getCollection } from 'astro:content';
import type { LlmPriceSheet, MeteredPriceSheet } from '~/lib/pricing/price-sheet-schema';

export interface PriceSheets {
	metered: Map<string, MeteredPriceSheet & { id: string }>;
	llm: (LlmPriceSheet & { id: string })[];
}

/** Every price sheet, metered products by id and the LLM sheets in file order. */
export async function getPriceSheets(): Promise<PriceSheets> {
	const entries = await getCollection('pricing');
	const metered = new Map<string, MeteredPriceSheet & { id: string }>();
	const llm: (LlmPriceSheet & { id: string })[] = [];
	for (const entry of entries) {
		if (entry.data.kind === 'metered') metered.set(entry.id, { ...entry.data, id: entry.id });
		else llm.push({ ...entry.data, id: entry.id });
	}
	return { metered, llm };
}
