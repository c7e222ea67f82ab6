// What every estimate is (metered or LLM), and the two helpers both kinds use. Kept small and
// apart so a page pricing one kind does not ship the other's rules.
import { isoDay } from './catalog.ts';
import { roundUsd, type LineItem } from './line-item.ts';
import type { PriceNotice } from './notice.ts';
import type { ProductId } from './products.ts';
import { reviewBy } from './staleness.ts';

/** Which sheet an estimate used, so every number can be traced to a dated price. */
export interface PriceSheetRef {
	id: string;
	asOf: string;
	source: string;
	/** The day the prices are due for a re-check (asOf plus the sheet's review interval). */
	reviewBy: string;
}

/** The result of pricing one product for one month. */
export interface Estimate {
	/** What was priced: a metered product, a model API, or a database provider (its own sheet). */
	product: ProductId | 'database';
	/** The product as its price sheet names it, e.g. "R2 Standard storage". */
	productName: string;
	lineItems: LineItem[];
	totalUsd: number;
	priceSheet: PriceSheetRef;
	/** What a reader should know about these prices (a retired model, an option that does not apply). */
	notices?: PriceNotice[];
}

/** The reference to a sheet an estimate carries. */
export const refOf = (
	id: string,
	sheet: { asOf: Date; source: string; reviewEveryDays: number },
): PriceSheetRef => ({
	id,
	asOf: isoDay(sheet.asOf),
	source: sheet.source,
	reviewBy: reviewBy(sheet),
});

/** The sum of line items, to a millionth of a dollar. */
export const total = (items: LineItem[]) => roundUsd(items.reduce((sum, item) => sum + item.usd, 0));
