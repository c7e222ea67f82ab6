// Loads the price sheets (content/pricing) for pages and API routes.
import { getCollection } from 'astro:content';
import { isoDay, type LlmSheet, type MeteredSheet, type PriceCatalog } from '~/lib/pricing/catalog';

/**
 * Every price sheet, in file order, with the day prices are quoted for: today by default (the
 * request's day on demand, the build's day for prerendered pages).
 */
export async function getPriceCatalog(today: string = isoDay(new Date())): Promise<PriceCatalog> {
	const entries = await getCollection('pricing');
	const metered: MeteredSheet[] = [];
	const llm: LlmSheet[] = [];
	for (const entry of entries) {
		if (entry.data.kind === 'metered') metered.push({ ...entry.data, id: entry.id });
		else llm.push({ ...entry.data, id: entry.id });
	}
	return { metered, llm, today };
}
