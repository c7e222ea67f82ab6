import { formatNumber, roundUsd, type LineItem } from './line-item.ts';
import { priceMeter } from './meter.ts';
import type { LlmPriceSheet, MeteredPriceSheet } from './price-sheet-schema.ts';
import { PRODUCT_METERS, type MeteredProductId, type MeteredUsage } from './product-meters.ts';
import type { LlmUsage, ProductId } from './products.ts';

/** Which sheet an estimate used, so every number can be traced to a dated price. */
export interface PriceSheetRef {
	id: string;
	asOf: string;
	source: string;
}

/** The result of pricing one product for one month. */
export interface Estimate {
	product: ProductId;
	/** The product as its price sheet names it, e.g. "R2 Standard storage". */
	productName: string;
	lineItems: LineItem[];
	totalUsd: number;
	priceSheet: PriceSheetRef;
}

export interface EstimateOptions {
	/** Apply the providers' free allowances (AWS always-free, R2 free usage). Included plan usage always applies. */
	freeTier: boolean;
}

const refOf = (id: string, sheet: { asOf: Date; source: string }): PriceSheetRef => ({
	id,
	asOf: sheet.asOf.toISOString().slice(0, 10),
	source: sheet.source,
});

const total = (items: LineItem[]) => roundUsd(items.reduce((sum, item) => sum + item.usd, 0));

/**
 * Prices a month of usage of a metered product against its price sheet. Usage must be complete
 * (validate and default it first, e.g. with parseUsage from products.ts).
 * @throws Error when the sheet lacks a meter the product needs (a content mistake the tests catch).
 */
export function estimateProduct(
	product: MeteredProductId,
	usage: MeteredUsage[MeteredProductId],
	sheet: MeteredPriceSheet & { id: string },
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

/** Finds a model's prices across the LLM price sheets. */
export function findModel(sheets: readonly (LlmPriceSheet & { id: string })[], modelId: string) {
	for (const sheet of sheets) {
		const model = sheet.models.find((candidate) => candidate.id === modelId);
		if (model) return { sheet, model };
	}
	return undefined;
}

/** Prices a month of tokens for one model. Token prices are per million tokens. */
export function estimateLlm(usage: LlmUsage, sheet: LlmPriceSheet & { id: string }): Estimate {
	const model = sheet.models.find((candidate) => candidate.id === usage.model);
	if (!model) throw new Error(`Price sheet ${sheet.id} has no model "${usage.model}"`);
	const rows: [string, string, number, number][] = [
		['input', 'Input tokens', usage.inputTokens, model.inputPerMTok],
		['cached-input', 'Cached input tokens (cache reads)', usage.cachedInputTokens, model.cachedInputPerMTok],
		['cache-write', 'Cache writes', usage.cacheWriteTokens, model.cacheWritePerMTok],
		['output', 'Output tokens', usage.outputTokens, model.outputPerMTok],
	];
	const lineItems = rows
		.filter(([id, , tokens]) => tokens > 0 || id === 'input' || id === 'output')
		.map(([id, label, tokens, price]): LineItem => {
			const millions = tokens / 1e6;
			return {
				id,
				label: `${model.label}: ${label}`,
				quantity: roundUsd(millions),
				unit: 'million tokens',
				unitPriceUsd: price,
				usd: roundUsd(millions * price),
				formula: `${formatNumber(tokens)} ÷ 1,000,000 = ${formatNumber(roundUsd(millions))} million tokens × $${formatNumber(price)}`,
			};
		});
	return {
		product: 'llm',
		productName: `${sheet.provider} ${model.label}`,
		lineItems,
		totalUsd: total(lineItems),
		priceSheet: refOf(sheet.id, sheet),
	};
}
