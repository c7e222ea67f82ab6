// Looks up one value on a price sheet for a guide (<UnitPrice>, <KeyNumber price>), so a guide
// quotes the sheet instead of copying a number that goes stale. Errors list the valid choices.
import { isoDay, type LlmSheet, type MeteredSheet, type PriceCatalog } from './catalog.ts';
import { formatNumber } from './line-item.ts';
import { findModel, pricingOn } from './llm.ts';
import { isStale } from './staleness.ts';

/** Which value: a metered product's meter (its band's price, or its included or free amount) or fee, or a model's token price. */
export type SheetValueRef =
	| { product: string; meter: string; band?: number; show?: 'price' | 'included' | 'free' }
	| { product: string; fee: true }
	| { model: string; token: 'input' | 'output' | 'cacheRead' };

/** A value read off a sheet, with what a reader needs to trust it. */
export interface SheetValue {
	/** The value in words, e.g. "$0.09", "10 million requests". */
	text: string;
	/** The number itself (USD for prices, billing units for amounts). */
	value: number;
	/** What it is priced per, e.g. "per GB", "per million input tokens", "a month". */
	per: string;
	source: string;
	asOf: string;
	/** e.g. "AWS S3 Standard" */
	sheetName: string;
	stale: boolean;
}

/** Dollars as price lists write them: at least two decimals, more when the price has them. @example usdText(0.0000166667) // => '$0.0000166667' */
export const usdText = (usd: number): string =>
	`$${usd.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(usd) ? 0 : 2, maximumFractionDigits: 10 })}`;

const describe = (sheet: MeteredSheet | LlmSheet, today: string) => ({
	source: sheet.source,
	asOf: isoDay(sheet.asOf),
	sheetName: `${sheet.provider} ${sheet.name}`,
	stale: isStale(sheet, today),
});

/** @throws Error naming the valid choices when the reference does not match the sheets. */
export function lookupSheetValue(catalog: PriceCatalog, ref: SheetValueRef): SheetValue {
	if ('model' in ref) {
		const entry = findModel(catalog.llm, ref.model);
		if (!entry)
			throw new Error(
				`unknown model "${ref.model}". Use one of: ${catalog.llm.flatMap((sheet) => sheet.models.map((m) => m.id)).join(', ')}`,
			);
		const { prices } = pricingOn(entry.model, catalog.today);
		const value = prices[ref.token];
		if (value === undefined)
			throw new Error(`${entry.model.name} has no ${ref.token} price (it has no prompt caching)`);
		const what = { input: 'input tokens', output: 'output tokens', cacheRead: 'tokens read from the cache' }[
			ref.token
		];
		return {
			text: usdText(value),
			value,
			per: `per million ${what}`,
			...describe(entry.sheet, catalog.today),
		};
	}
	const sheet = catalog.metered.find((candidate) => candidate.id === ref.product);
	if (!sheet)
		throw new Error(
			`unknown product "${ref.product}". Use one of: ${catalog.metered.map((s) => s.id).join(', ')}`,
		);
	if ('fee' in ref)
		return {
			text: usdText(sheet.baseFeeUsd),
			value: sheet.baseFeeUsd,
			per: 'a month',
			...describe(sheet, catalog.today),
		};
	const meter = sheet.meters.find((candidate) => candidate.id === ref.meter);
	if (!meter)
		throw new Error(
			`${ref.product} has no meter "${ref.meter}". Use one of: ${sheet.meters.map((m) => m.id).join(', ')}`,
		);
	const show = ref.show ?? 'price';
	if (show !== 'price') {
		const amount = (show === 'included' ? meter.included : meter.free) / meter.unitSize;
		// 25,000 million rows reads better as 25 billion rows.
		const text =
			amount >= 1000 && meter.unit.startsWith('million ')
				? `${formatNumber(amount / 1000)} billion ${meter.unit.slice('million '.length)}`
				: `${formatNumber(amount)} ${meter.unit}`;
		return { text, value: amount, per: 'a month', ...describe(sheet, catalog.today) };
	}
	const band = ref.band ?? 1;
	const tier = meter.tiers[band - 1];
	if (!tier) throw new Error(`${ref.product} ${ref.meter} has bands 1 to ${meter.tiers.length}, not ${band}`);
	return {
		text: usdText(tier.usd),
		value: tier.usd,
		per: `per ${meter.unit}`,
		...describe(sheet, catalog.today),
	};
}
