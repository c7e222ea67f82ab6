import { allSheets, type PriceCatalog } from '~/lib/pricing/catalog';
import { sheetStatus, type WatchedSheet } from '~/lib/price-watch/check';
import type { WatchStatus } from '~/lib/price-watch/drift';
import type { PriceWatchRepo, SheetWatchRow } from '../db/price-watch-repo';

export interface SheetOverview {
	sheet: WatchedSheet;
	/** Its last check with open differences counted; null before the first (or for a manual sheet). */
	check: SheetWatchRow | null;
	status: WatchStatus | 'unchecked';
}

/** Every price sheet with its watch status now, in catalog order. */
export async function priceWatchOverview(
	deps: { catalog: () => Promise<PriceCatalog>; prices: Pick<PriceWatchRepo, 'sheets'> },
	now: number,
): Promise<SheetOverview[]> {
	const [catalog, rows] = await Promise.all([deps.catalog(), deps.prices.sheets()]);
	const checks = new Map(rows.map((row) => [row.sheetId, row]));
	return allSheets(catalog).map((sheet) => {
		const check = checks.get(sheet.id) ?? null;
		return { sheet, check, status: sheetStatus(sheet, check, new Date(now)) };
	});
}
