// Prices a month of tokens on one model. Kept apart from the metered estimate so a page that
// prices only cloud products (the hosting calculator) does not ship the language-model rules.
import type { LlmSheet } from './catalog.ts';
import { refOf, total, type Estimate } from './estimate-base.ts';
import { formatNumber, roundUsd, type LineItem } from './line-item.ts';
import { bandFor, findModel, nextPriceChange, pricingOn, statusOn, type ModelEntry } from './llm.ts';
import type { PriceNotice } from './notice.ts';
import type { LlmUsage } from './products.ts';

/** The line for one kind of token: millions of tokens × the price, with any discount spelled out. */
function tokenLine(
	id: string,
	label: string,
	tokens: number,
	listPrice: number,
	discount: { pct: number; name: string } | undefined,
): LineItem {
	const millions = tokens / 1e6;
	const price = discount ? (listPrice * (100 - discount.pct)) / 100 : listPrice;
	const discounted = discount ? ` ($${formatNumber(listPrice)} less ${discount.pct}% ${discount.name})` : '';
	return {
		id,
		label,
		quantity: roundUsd(millions),
		unit: 'million tokens',
		unitPriceUsd: roundUsd(price),
		usd: roundUsd(millions * price),
		formula: `${formatNumber(Math.round(tokens))} ÷ 1,000,000 = ${formatNumber(roundUsd(millions))} million tokens × $${formatNumber(roundUsd(price))}${discounted}`,
	};
}

/** Where a model stands on `today`, as notices: retired or deprecated (with its successor), a price change ahead. */
export function lifecycleNotices(
	entry: ModelEntry,
	sheets: readonly LlmSheet[],
	today: string,
): PriceNotice[] {
	const { model } = entry;
	const successor = model.successor ? findModel(sheets, model.successor)?.model : undefined;
	const successorName = successor?.name ?? model.successor;
	const replaces = successorName ? `; ${successorName} replaces it` : '';
	const notices: PriceNotice[] = [];
	const status = statusOn(model, today);
	if (status === 'retired') {
		notices.push({
			code: 'retired',
			message: `${model.name} retired on ${model.retiresOn}: requests to it now fail. These are its last published prices${replaces}.`,
			...(successor ? { successor: successor.id } : {}),
		});
	} else if (status === 'deprecated') {
		notices.push({
			code: 'deprecated',
			message: `${model.name} is deprecated and retires on ${model.retiresOn}${replaces}.`,
			...(successor ? { successor: successor.id } : {}),
		});
	}
	const change = nextPriceChange(model, today);
	if (change)
		notices.push({
			code: 'price-change',
			message: `${model.name} prices change on ${change.from}: $${formatNumber(change.prices.input)} input and $${formatNumber(change.prices.output)} output per million tokens.`,
		});
	return notices;
}

/**
 * Prices a month of tokens for one model at `today`'s prices. With `calls`, the tokens per call
 * choose the prompt-length band (the whole call is priced there); cache writes use the lifetime
 * `cacheTtlMinutes` (the shortest on offer by default); `batch` applies the sheet's Batch
 * discount where the model has it. Notices say when an option does not apply; where the model
 * stands in its life is `lifecycleNotices`, kept apart so the calculator's browser code can take
 * those as data instead of code.
 * @throws Error for a model no sheet lists (callers check the id first).
 */
export function estimateLlm(usage: LlmUsage, sheets: readonly LlmSheet[], today: string): Estimate {
	const entry = findModel(sheets, usage.model);
	if (!entry) throw new Error(`No price sheet lists the model "${usage.model}"`);
	const { sheet, model } = entry;
	const notices: PriceNotice[] = [];
	const promptTokens = usage.inputTokens + usage.cachedInputTokens + usage.cacheWriteTokens;
	const band = bandFor(pricingOn(model, today), usage.calls ? promptTokens / usage.calls : 0);
	const prices = band.prices;
	const bandName = band.aboveInputTokens
		? ` (prompts over ${formatNumber(band.aboveInputTokens)} tokens)`
		: '';

	const batchOffer = usage.batch && model.batch ? sheet.batch : undefined;
	if (usage.batch && !batchOffer)
		notices.push({
			code: 'no-batch',
			field: 'batch',
			message: `${sheet.provider} offers no batch discount on ${model.name}; standard prices apply.`,
		});
	const batch = batchOffer && { pct: batchOffer.discountPct, name: 'Batch API' };
	const cacheBatch = (model.batchCacheDiscount ?? batchOffer?.cacheDiscount) ? batch : undefined;

	const cachedTokens = usage.cachedInputTokens + usage.cacheWriteTokens;
	const cacheRead = prices.cacheRead;
	const cacheWrites = prices.cacheWrites;
	const caching = cacheRead !== undefined && cacheWrites !== undefined;
	if (!caching && cachedTokens > 0)
		notices.push({
			code: 'no-caching',
			field: 'cachedPrefixPct',
			message: `${model.name} has no prompt caching at ${sheet.provider}: the whole prompt is priced as input.`,
		});

	const name = (what: string) => `${model.name}: ${what}${bandName}`;
	const lineItems: LineItem[] = [
		tokenLine(
			'input',
			name('Input tokens'),
			usage.inputTokens + (caching ? 0 : cachedTokens),
			prices.input,
			batch,
		),
	];
	if (caching) {
		const write =
			cacheWrites.find((option) => option.ttlMinutes === usage.cacheTtlMinutes) ?? cacheWrites[0]!;
		if (usage.cachedInputTokens > 0)
			lineItems.push(
				tokenLine('cached-input', name('Cache reads'), usage.cachedInputTokens, cacheRead, cacheBatch),
			);
		if (usage.cacheWriteTokens > 0)
			lineItems.push(
				tokenLine(
					'cache-write',
					name(`Cache writes (${formatMinutes(write.ttlMinutes)} lifetime)`),
					usage.cacheWriteTokens,
					write.usd,
					cacheBatch,
				),
			);
	}
	lineItems.push(tokenLine('output', name('Output tokens'), usage.outputTokens, prices.output, batch));
	return {
		product: 'llm',
		productName: `${sheet.provider} ${model.name}`,
		lineItems,
		totalUsd: total(lineItems),
		priceSheet: refOf(sheet.id, sheet),
		notices,
	};
}

/**
 * A cache lifetime in words.
 * @example formatMinutes(60) // => '1-hour'
 */
export function formatMinutes(minutes: number): string {
	if (minutes % 1440 === 0) return minutes === 1440 ? '24-hour' : `${minutes / 1440}-day`;
	if (minutes % 60 === 0) return `${minutes / 60}-hour`;
	return `${formatNumber(minutes)}-minute`;
}
