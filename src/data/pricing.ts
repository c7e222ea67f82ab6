// Loads the price sheets (content/pricing) for pages and API routes.
import { getCollection } from 'astro:content';
import { buildCatalog, isoDay, type PriceCatalog } from '~/lib/pricing/catalog';

/**
 * Every price sheet, in file order, with the day prices are quoted for: today by default (the
 * request's day on demand, the build's day for prerendered pages).
 */
export async function getPriceCatalog(today: string = isoDay(new Date())): Promise<PriceCatalog> {
	return buildCatalog(await getCollection('pricing'), today);
}
