import { refOf, total, type Estimate } from './estimate-base.ts';
import { formatNumber, type LineItem } from './line-item.ts';
import { priceMeter } from './meter.ts';
import type { MeteredPriceSheet } from './price-sheet-schema.ts';
import { PRODUCT_METERS, type MeteredProductId, type MeteredUsage } from './product-meters.ts';

export type { Estimate, PriceSheetRef } from './estimate-base.ts';

export interface EstimateOptions {
	/** Apply the providers' free allowances (AWS always-free, R2 free usage). Included plan usage always applies. */
	freeTier: boolean;
}

/**
 * Prices a month of usage of a metered product against its price sheet. Usage must be complete
 * (validate and default it first, e.g. with parseUsage from products.ts).
 * @throws Error when the sheet lacks a meter the product needs (a content mistake the tests catch).
 */
export function estimateProduct(
	product: MeteredProductId,
	usage: MeteredUsage[MeteredProductId],
	sheet: Omit<MeteredPriceSheet, 'watch' | 'notes'> & { id: string },
	options: EstimateOptions,
): Estimate {
	// The usage belongs to `product` (callers build it with that product's type or schema).
	const toQuantities = PRODUCT_METERS[product] as (
		usage: MeteredUsage[MeteredProductId],
	) => Record<string, number>;
	const quantities = toQuantities(usage);
	const lineItems: LineItem[] = [];
	if (sheet.baseFeeUsd > 0) {
		lineItems.push({
			id: 'base-fee',
			label: `${sheet.name}: monthly plan fee`,
			quantity: 1,
			unit: 'month',
			unitPriceUsd: sheet.baseFeeUsd,
			usd: sheet.baseFeeUsd,
			formula: `1 month × $${formatNumber(sheet.baseFeeUsd)}`,
		});
	}
	for (const [meterId, quantity] of Object.entries(quantities)) {
		const meter = sheet.meters.find((candidate) => candidate.id === meterId);
		if (!meter) throw new Error(`Price sheet ${sheet.id} has no meter "${meterId}", which ${product} needs`);
		// Leave out meters the usage does not touch (e.g. arm64 duration for an x86 function), unless nothing is used at all.
		if (quantity === 0 && Object.values(quantities).some((value) => value > 0)) continue;
		lineItems.push(...priceMeter(meter, quantity, options));
	}
	return {
		product,
		productName: sheet.name,
		lineItems,
		totalUsd: total(lineItems),
		priceSheet: refOf(sheet.id, sheet),
	};
}
