import type { PriceCatalog } from '~/lib/pricing/catalog';

/** What every calculator view takes: the prices, and where its values come from. */
export interface CalculatorViewProps {
	catalog: PriceCatalog;
	/** The page's query string (a shared link, a submitted form). */
	params?: URLSearchParams | undefined;
	/** A preset to start from when embedded in a guide; the defaults when absent. */
	preset?: string | undefined;
	/** Inside a guide: hydrate when scrolled into view rather than at once. */
	embedded?: boolean;
}
