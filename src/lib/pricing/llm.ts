// Language-model pricing: lifecycles, prices on a day, prompt-length bands, batch discounts and
// prompt-cache writes. Free of zod, so the AI spend calculator can run it in the browser.
import type { LlmSheet } from './catalog.ts';
import type { LlmModel, LlmPrices, ModelStatus } from './llm-sheet-schema.ts';

/** Days in an average month (a twelfth of a Gregorian year). */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** How soon a retirement counts as imminent: a default or preset must not name such a model. */
export const RETIREMENT_WARNING_DAYS = 30;

/** A model with the sheet it is listed in. */
export interface ModelEntry {
	sheet: LlmSheet;
	model: LlmModel;
}

/** Finds a model across the LLM price sheets by our id. */
export function findModel(sheets: readonly LlmSheet[], modelId: string): ModelEntry | undefined {
	for (const sheet of sheets) {
		const model = sheet.models.find((candidate) => candidate.id === modelId);
		if (model) return { sheet, model };
	}
	return undefined;
}

/** Every model on the sheets, in sheet order. */
export const allModels = (sheets: readonly LlmSheet[]): ModelEntry[] =>
	sheets.flatMap((sheet) => sheet.models.map((model) => ({ sheet, model })));

/**
 * Where a model is in its life on `today` (ISO date): the dates move it on by themselves, so a
 * sheet that says "deprecated" reads "retired" from its retirement day without an edit.
 * @example statusOn({ status: 'deprecated', retiresOn: '2026-11-30' }, '2026-11-30') // => 'retired'
 */
export function statusOn(
	model: Pick<LlmModel, 'status' | 'deprecatedOn' | 'retiresOn'>,
	today: string,
): ModelStatus {
	if (model.retiresOn && model.retiresOn <= today) return 'retired';
	if (model.deprecatedOn && model.deprecatedOn <= today) return 'deprecated';
	// Asked about a day before its retirement, a model the sheet calls retired was still deprecated.
	return model.status === 'retired' && model.retiresOn ? 'deprecated' : model.status;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a model may be offered as a default: not deprecated, not retired, not retiring within 30 days. */
export function isSafeDefault(model: LlmModel, today: string): boolean {
	const status = statusOn(model, today);
	if (status === 'deprecated' || status === 'retired') return false;
	return !model.retiresOn || daysBetween(today, model.retiresOn) > RETIREMENT_WARNING_DAYS;
}

/** The prices and prompt-length bands in force on `today`, after any announced change. */
export function pricingOn(
	model: LlmModel,
	today: string,
): { prices: LlmPrices; longContext: LlmModel['longContext'] } {
	let current = { prices: model.prices, longContext: model.longContext };
	for (const change of model.scheduled) {
		if (change.from <= today) current = { prices: change.prices, longContext: change.longContext ?? [] };
	}
	return current;
}

/** The next announced price change after `today`, if any. */
export const nextPriceChange = (model: LlmModel, today: string) =>
	model.scheduled.find((change) => change.from > today);

/**
 * The prices a call pays: the highest prompt-length band its input (cached tokens included)
 * goes over, or the base prices. The whole call is priced in that band, as the providers bill.
 */
export function bandFor(
	pricing: { prices: LlmPrices; longContext: LlmModel['longContext'] },
	inputTokensPerCall: number,
): { prices: LlmPrices; aboveInputTokens?: number } {
	const band = pricing.longContext.filter((tier) => inputTokensPerCall > tier.aboveInputTokens).at(-1);
	return band ? { prices: band, aboveInputTokens: band.aboveInputTokens } : { prices: pricing.prices };
}

/**
 * Expected cache writes a day for one shared prompt prefix, with calls arriving at random
 * (a Poisson process) over `activeHours` a day. When a hit refreshes the entry (Anthropic,
 * OpenAI's in-memory cache, Groq), a call writes only if the previous one came more than
 * `ttlMinutes` earlier: one write when traffic starts, then a share e^(−rate × ttl) of the rest.
 * When it does not, an entry lives `ttlMinutes` from its write and the next call rewrites it.
 * @example cacheWritesPerDay(100_000, 24, 5, true) // => 1 (a call every 0.9 s keeps a 5-minute cache warm)
 */
export function cacheWritesPerDay(
	callsPerDay: number,
	activeHours: number,
	ttlMinutes: number,
	hitRefreshes: boolean,
): number {
	if (callsPerDay <= 0) return 0;
	const minutes = Math.max(activeHours, 1 / 60) * 60;
	const perMinute = callsPerDay / minutes;
	const writes = hitRefreshes
		? 1 + Math.max(0, callsPerDay - 1) * Math.exp(-perMinute * ttlMinutes)
		: minutes / (ttlMinutes + 1 / perMinute);
	return Math.min(callsPerDay, Math.max(1, writes));
}
