import type {
	DatabasePriceSheet,
	LlmPriceSheet,
	MeteredPriceSheet,
	PriceSheet,
} from './price-sheet-schema.ts';

/** A metered product's sheet with its id (the file name in content/pricing). */
export type MeteredSheet = MeteredPriceSheet & { id: string };
/**
 * A metered sheet as the calculators price from it, in the browser too: without where the price
 * watch checks it (a server's concern) and the editors' notes (shown on the guides and price
 * pages, never by a calculator), which would only add bytes to every tool page.
 */
export type MeteredPrices = Omit<MeteredSheet, 'watch' | 'notes'>;
/** An LLM provider's sheet with its id (the file name in content/pricing). */
export type LlmSheet = LlmPriceSheet & { id: string };
/** A database provider's sheet with its id (the file name in content/pricing). */
export type DatabaseSheet = DatabasePriceSheet & { id: string };

/**
 * Every price sheet, and the day prices are quoted for: lifecycles (a model retiring) and
 * scheduled price changes depend on it, so it is a parameter, never a hidden clock.
 */
export interface PriceCatalog {
	metered: readonly MeteredSheet[];
	llm: readonly LlmSheet[];
	database: readonly DatabaseSheet[];
	/** ISO date, e.g. "2026-11-30". */
	today: string;
}

/** Every sheet in the catalog, of all kinds. */
export function allSheets(catalog: PriceCatalog): (MeteredSheet | LlmSheet | DatabaseSheet)[] {
	return [...catalog.metered, ...catalog.llm, ...catalog.database];
}

/** Sorts parsed sheets (id = file name) into a catalog quoted for `today`, in file order. */
export function buildCatalog(
	entries: readonly { id: string; data: PriceSheet }[],
	today: string,
): PriceCatalog {
	const catalog = {
		metered: [] as MeteredSheet[],
		llm: [] as LlmSheet[],
		database: [] as DatabaseSheet[],
		today,
	};
	for (const { id, data } of entries) {
		if (data.kind === 'metered') catalog.metered.push({ ...data, id });
		else if (data.kind === 'llm') catalog.llm.push({ ...data, id });
		else catalog.database.push({ ...data, id });
	}
	return catalog;
}

/**
 * An LLM sheet without the prose only people read (sources, notes, secondary-source remarks), for
 * a calculator island: its props are parsed in the browser, so they carry only what it prices with.
 */
export function pricingOnly(sheet: LlmSheet): LlmSheet {
	return {
		...sheet,
		notes: '',
		models: sheet.models.map((model) => ({ ...model, sources: {}, secondary: '', notes: '' })),
	};
}

/** A metered sheet without its price-watch settings and notes (MeteredPrices). */
export function meteredPrices({ watch: _watch, notes: _notes, ...prices }: MeteredSheet): MeteredPrices {
	return prices;
}

/** The sheet of a metered product. @throws Error when it is missing (a content mistake the tests catch). */
export function meteredSheet<S extends MeteredPrices>(sheets: readonly S[], product: string): S {
	const sheet = sheets.find((candidate) => candidate.id === product);
	if (!sheet) throw new Error(`No price sheet for ${product} in content/pricing`);
	return sheet;
}

/** A date as the ISO day, e.g. 2026-11-30. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
