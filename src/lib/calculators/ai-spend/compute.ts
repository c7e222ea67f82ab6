import type { LlmSheet } from '../../pricing/catalog.ts';
import type { Estimate } from '../../pricing/estimate.ts';
import { estimateLlm, formatMinutes } from '../../pricing/llm-estimate.ts';
import { formatNumber } from '../../pricing/line-item.ts';
import {
	bandFor,
	cacheWritesPerDay,
	DAYS_PER_MONTH,
	findModel,
	pricingOn,
	statusOn,
	type ModelEntry,
} from '../../pricing/llm.ts';
import type { PriceNotice } from '../../pricing/notice.ts';

export { DAYS_PER_MONTH };

/** The one option a stack estimate prices: the scenario as set (the model is an input). */
export const AI_SPEND_OPTION = 'scenario';

export interface AiSpendInput {
	[name: string]: number | string | boolean;
	requestsPerDay: number;
	inputTokens: number;
	outputTokens: number;
	model: string;
	cheapModel: string;
	routedPct: number;
	responseCacheHitPct: number;
	cachedPrefixPct: number;
	/** Hours a day the calls come in; a prompt cache goes cold in the quiet ones. */
	activeHoursPerDay: number;
	/** Send the calls through the providers' Batch APIs (results within a day, at a discount). */
	batch: boolean;
}

/** What the calculator prices from: the LLM sheets, the day prices are quoted for, and lifecycles. */
export interface AiSpendData {
	sheets: readonly LlmSheet[];
	today: string;
	/** Per model id, where it stands on `today` (retired, retiring, a price change ahead), as notices. */
	lifecycle: Readonly<Record<string, readonly PriceNotice[]>>;
}

/** How one model's share of the calls uses the prompt cache. */
export interface CachePlan {
	model: string;
	/** Tokens per call that are the same every time (after any tokenizer scaling). */
	prefixTokens: number;
	/** Whether the provider caches that prefix at all. */
	cached: boolean;
	/** The cache lifetime chosen (the cheaper one at this traffic) and the writes it leads to. */
	ttlMinutes?: number;
	writesPerMonth: number;
}

/** The same calls on a deprecated or retired model's successor, priced beside it. */
export interface SuccessorPrice {
	field: 'model' | 'cheapModel';
	from: string;
	to: string;
	toName: string;
	monthlyUsd: number;
}

export interface AiSpendResult {
	monthlyUsd: number;
	/** The same calls on the main model with no caching or routing at all. */
	baselineUsd: number;
	savingsUsd: number;
	estimates: Estimate[];
	cache: CachePlan[];
	/** Everything to tell the visitor, once each; `field` ties a notice to an input. */
	notices: PriceNotice[];
	successors: SuccessorPrice[];
}

function entryFor(sheets: readonly LlmSheet[], model: string): ModelEntry {
	const entry = findModel(sheets, model);
	if (!entry) throw new Error(`Unknown model "${model}"`);
	return entry;
}

/** Tokens `to` counts for one token of `from` on the same text, when the provider publishes it. */
export function tokenizerScale(from: ModelEntry, to: ModelEntry): { factor: number; note?: string } {
	if (from.sheet !== to.sheet || !from.model.tokenizer || !to.model.tokenizer) return { factor: 1 };
	if (from.model.tokenizer === to.model.tokenizer) return { factor: 1 };
	const tokenizers = from.sheet.tokenizers;
	const weight = (id: string) => tokenizers.find((tokenizer) => tokenizer.id === id)?.factor ?? 1;
	const factor = weight(to.model.tokenizer) / weight(from.model.tokenizer);
	const newer = factor > 1 ? to : from;
	const tokenizer = tokenizers.find((candidate) => candidate.id === newer.model.tokenizer);
	return {
		factor,
		note: `${newer.model.name} uses a newer tokenizer: ${tokenizer?.note ?? 'it counts more tokens for the same text'} Your token counts are taken as ${from.model.name}'s, so ${to.model.name} is priced on ${formatNumber(Math.round(factor * 100))}% of them.`,
	};
}

/** One model's share of the month: its calls, priced with caching, bands and batch as they apply. */
function priceShare(
	input: AiSpendInput,
	data: AiSpendData,
	entry: ModelEntry,
	callsPerDay: number,
	scale: number,
	caching: boolean,
): { estimate: Estimate; plan: CachePlan; notices: PriceNotice[] } {
	const { model, sheet } = entry;
	const notices: PriceNotice[] = [];
	const perCallInput = input.inputTokens * scale;
	const prefix = caching ? (perCallInput * input.cachedPrefixPct) / 100 : 0;
	const { prices } = bandFor(pricingOn(model, data.today), perCallInput);
	const calls = callsPerDay * DAYS_PER_MONTH;
	let plan: CachePlan = { model: model.id, prefixTokens: prefix, cached: false, writesPerMonth: 0 };

	if (prefix > 0 && (!prices.cacheWrites || prices.cacheRead === undefined || !sheet.caching)) {
		notices.push({
			code: 'no-caching',
			field: 'cachedPrefixPct',
			message: `${model.name} has no prompt caching at ${sheet.provider}: its whole prompt is priced as input.`,
		});
	} else if (prefix > 0 && prefix < (model.minCacheableTokens ?? 0)) {
		notices.push({
			code: 'below-cache-minimum',
			field: 'cachedPrefixPct',
			message: `The repeated prefix is ${formatNumber(Math.round(prefix))} tokens, and ${model.name} caches nothing shorter than ${formatNumber(model.minCacheableTokens ?? 0)}: it is priced as input. Move more of the fixed instructions to the front, or pad the prefix past the minimum.`,
		});
	} else if (prefix > 0 && prices.cacheWrites && prices.cacheRead !== undefined && sheet.caching) {
		const { cacheRead } = prices;
		const hitRefreshes = sheet.caching.hitRefreshes;
		// The lifetime on offer that makes the month cheapest at this traffic.
		const options = prices.cacheWrites.map((write) => {
			const writes = cacheWritesPerDay(callsPerDay, input.activeHoursPerDay, write.ttlMinutes, hitRefreshes);
			return { write, writes, cost: writes * write.usd + (callsPerDay - writes) * cacheRead };
		});
		const best = options.reduce((low, option) => (option.cost < low.cost ? option : low));
		plan = {
			model: model.id,
			prefixTokens: prefix,
			cached: true,
			ttlMinutes: best.write.ttlMinutes,
			writesPerMonth: best.writes * DAYS_PER_MONTH,
		};
	}

	const writes = plan.writesPerMonth;
	const cachedPerCall = plan.cached ? prefix : 0;
	const estimate = estimateLlm(
		{
			model: model.id,
			inputTokens: calls * (perCallInput - cachedPerCall),
			cachedInputTokens: Math.max(0, calls - writes) * cachedPerCall,
			cacheWriteTokens: writes * cachedPerCall,
			outputTokens: calls * input.outputTokens * scale,
			calls: calls > 0 ? calls : undefined,
			cacheTtlMinutes: plan.ttlMinutes,
			batch: input.batch,
		},
		data.sheets,
		data.today,
	);
	const lifecycle = data.lifecycle[model.id] ?? [];
	return { estimate, plan, notices: [...lifecycle, ...notices, ...(estimate.notices ?? [])] };
}

/** The notices once each, in order. */
const distinct = (notices: readonly PriceNotice[]) =>
	notices.filter((notice, index) => notices.findIndex((other) => other.message === notice.message) === index);

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

/**
 * Monthly model spend after response caching, routing to a cheaper model and prompt caching (with
 * each model's minimum prefix, its cache lifetimes and write prices, and the traffic shape that
 * decides how often the cache is rewritten), against a baseline with none of them.
 */
export function estimateAiSpend(
	input: AiSpendInput,
	data: AiSpendData,
	withSuccessors = true,
): AiSpendResult {
	const callsPerDay = input.requestsPerDay;
	const reachModel = callsPerDay * (1 - input.responseCacheHitPct / 100);
	const routed = (reachModel * input.routedPct) / 100;
	const main = entryFor(data.sheets, input.model);
	const shares = [priceShare(input, data, main, reachModel - routed, 1, true)];
	const notices: PriceNotice[] = [];
	if (routed > 0) {
		const cheap = entryFor(data.sheets, input.cheapModel);
		const scale = tokenizerScale(main, cheap);
		if (scale.note) notices.push({ code: 'tokenizer', field: 'cheapModel', message: scale.note });
		shares.push(priceShare(input, data, cheap, routed, scale.factor, true));
	}
	const baseline = priceShare({ ...input, cachedPrefixPct: 0 }, data, main, callsPerDay, 1, false).estimate;
	const monthlyUsd = round(shares.reduce((sum, share) => sum + share.estimate.totalUsd, 0));

	const successors: SuccessorPrice[] = [];
	if (withSuccessors) {
		for (const field of ['model', 'cheapModel'] as const) {
			if (field === 'cheapModel' && routed <= 0) continue;
			const { model } = entryFor(data.sheets, input[field]);
			const status = statusOn(model, data.today);
			const successor = model.successor && findModel(data.sheets, model.successor);
			if ((status !== 'deprecated' && status !== 'retired') || !successor) continue;
			successors.push({
				field,
				from: model.name,
				to: successor.model.id,
				toName: successor.model.name,
				monthlyUsd: estimateAiSpend({ ...input, [field]: successor.model.id }, data, false).monthlyUsd,
			});
		}
	}
	return {
		monthlyUsd,
		baselineUsd: baseline.totalUsd,
		savingsUsd: round(baseline.totalUsd - monthlyUsd),
		estimates: shares.map((share) => share.estimate),
		cache: shares.map((share) => share.plan),
		notices: distinct([...notices, ...shares.flatMap((share) => share.notices)]),
		successors,
	};
}

/** The cache plan in words, for the results: which lifetime, how many writes. */
export function describeCachePlan(plan: CachePlan, modelName: string): string {
	if (!plan.cached) return `${modelName}: nothing cached.`;
	return `${modelName}: a ${formatNumber(Math.round(plan.prefixTokens))}-token prefix in the ${formatMinutes(plan.ttlMinutes ?? 0)} cache, written about ${formatNumber(Math.round(plan.writesPerMonth))} times a month.`;
}
