import { getPriceCatalog } from '~/data/pricing';
import type { ResultDocument } from '~/lib/calculators/export';
import { findCalculator } from '~/lib/calculators/registry';

/**
 * A calculator's result as a document, from the same query string as its page (so
 * /tools/<slug>.csv?… matches /tools/<slug>?…); undefined for an unknown calculator.
 */
export async function calculatorDocument(
	slug: string | undefined,
	url: URL,
): Promise<ResultDocument | undefined> {
	const calculator = findCalculator(slug);
	if (!calculator) return undefined;
	const catalog = await getPriceCatalog();
	const { values } = calculator.read(catalog, (name) => url.searchParams.get(name));
	const pageUrl = new URL(`${calculator.path}${url.search}`, url).toString();
	return calculator.document(values, catalog, pageUrl);
}
