import { getPriceCatalog } from '~/data/pricing';
import type { ResultDocument } from '~/lib/calculators/export';
import { findReportSubject } from '~/lib/reports/subjects';

/**
 * A calculator's result (or the stack estimate's) as a document, from the same query string as
 * its page (so /tools/<slug>.csv?… matches /tools/<slug>?…); undefined for an unknown slug.
 */
export async function calculatorDocument(
	slug: string | undefined,
	url: URL,
): Promise<ResultDocument | undefined> {
	const calculator = findReportSubject(slug);
	if (!calculator) return undefined;
	const catalog = await getPriceCatalog();
	const { values } = calculator.read(catalog, (name) => url.searchParams.get(name));
	const pageUrl = new URL(`${calculator.path}${url.search}`, url).toString();
	return calculator.document(values, catalog, pageUrl);
}
