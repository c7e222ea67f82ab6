import type { LlmModel, LlmPriceSheet, LlmPrices } from '../pricing/price-sheet-schema.ts';
import type { Lifecycle, WatchedPrice } from './drift.ts';

// The fields an LLM price is watched under, shared by the sheet side and every model dataset:
// input, output, cacheRead, cacheWrite (the shortest cache lifetime on sale), cacheWrite 60m
// (the one-hour lifetime), and each of them "over N" for a long-prompt band above N tokens.

/** The field name of a price in a long-prompt band above `aboveInputTokens`. */
export const overField = (field: string, aboveInputTokens: number) => `${field} over ${aboveInputTokens}`;

/** The watched fields of one set of prices. */
export function llmPriceFields(prices: LlmPrices): Record<string, number> {
	const fields: Record<string, number> = { input: prices.input, output: prices.output };
	if (prices.cacheRead !== undefined) fields.cacheRead = prices.cacheRead;
	const writes = [...(prices.cacheWrites ?? [])].sort((a, b) => a.ttlMinutes - b.ttlMinutes);
	if (writes[0]) fields.cacheWrite = writes[0].usd;
	const hour = writes.find((write) => write.ttlMinutes === 60);
	if (hour && hour !== writes[0]) fields['cacheWrite 60m'] = hour.usd;
	return fields;
}

/** A model's prices on `today` (ISO date): the latest announced change in force, else its own. */
function pricesInForce(model: LlmModel, today: string): Pick<LlmModel, 'prices' | 'longContext'> {
	const change = model.scheduled.filter((scheduled) => scheduled.from <= today).at(-1);
	return change ? { prices: change.prices, longContext: change.longContext ?? model.longContext } : model;
}

/** Every price the sheet gives on `today`, as the watch compares them. */
export function llmWatchedPrices(sheet: LlmPriceSheet, today: string): WatchedPrice[] {
	return sheet.models.flatMap((model) => {
		const { prices, longContext = [] } = pricesInForce(model, today);
		const fields = Object.entries(llmPriceFields(prices)).map(([field, usd]) => ({
			item: model.id,
			field,
			usd,
		}));
		const bands = longContext.flatMap((band) =>
			Object.entries(llmPriceFields(band)).map(([field, usd]) => ({
				item: model.id,
				field: overField(field, band.aboveInputTokens),
				usd,
			})),
		);
		return [...fields, ...bands];
	});
}

/** Each model's place in its life as the sheet has it. */
export const llmLifecycles = (sheet: LlmPriceSheet): Map<string, Lifecycle> =>
	new Map(sheet.models.map((model) => [model.id, model.status]));

/** Our model id → the id the upstream lists it under: the watch's override, the API id, or ours. */
export const upstreamModelIds = (
	sheet: LlmPriceSheet,
	overrides: Readonly<Record<string, string>>,
): Map<string, string> =>
	new Map(sheet.models.map((model) => [model.id, overrides[model.id] ?? model.apiId ?? model.id]));
