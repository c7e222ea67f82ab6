import type { LlmSheet } from '../../pricing/catalog.ts';
import { estimateLlm, type Estimate } from '../../pricing/estimate.ts';

/** Days in an average month (a twelfth of a Gregorian year). */
export const DAYS_PER_MONTH = 365.2425 / 12;
/** Prompt caches expire after about five minutes without use, so a busy prefix is rewritten at most this often. */
export const CACHE_WRITES_PER_MONTH = (DAYS_PER_MONTH * 24 * 60) / 5;

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
}

type Sheets = readonly LlmSheet[];

export interface AiSpendResult {
	monthlyUsd: number;
	/** The same calls on the main model with no caching or routing at all. */
	baselineUsd: number;
	savingsUsd: number;
	estimates: Estimate[];
}

function sheetFor(sheets: Sheets, model: string) {
	const sheet = sheets.find((candidate) => candidate.models.some((m) => m.id === model));
	if (!sheet) throw new Error(`Unknown model "${model}"`);
	return sheet;
}

/** Tokens for `calls` calls a month on one model, with the prompt prefix cached when `cachedPrefixPct` > 0. */
function tokenUsage(input: AiSpendInput, model: string, calls: number) {
	const prefix = (input.inputTokens * input.cachedPrefixPct) / 100;
	const writes = prefix > 0 ? Math.min(calls, CACHE_WRITES_PER_MONTH) : 0;
	return {
		model,
		inputTokens: calls * (input.inputTokens - prefix),
		cachedInputTokens: Math.max(0, calls - writes) * prefix,
		cacheWriteTokens: writes * prefix,
		outputTokens: calls * input.outputTokens,
	};
}

/**
 * Monthly model spend after response caching, routing to a cheaper model and prompt caching,
 * against a baseline with none of them.
 */
export function estimateAiSpend(input: AiSpendInput, sheets: Sheets): AiSpendResult {
	const calls = input.requestsPerDay * DAYS_PER_MONTH;
	const reachModel = calls * (1 - input.responseCacheHitPct / 100);
	const routed = (reachModel * input.routedPct) / 100;
	const main = reachModel - routed;
	const estimates = [estimateLlm(tokenUsage(input, input.model, main), sheetFor(sheets, input.model))];
	if (routed > 0)
		estimates.push(
			estimateLlm(tokenUsage(input, input.cheapModel, routed), sheetFor(sheets, input.cheapModel)),
		);
	const baseline = estimateLlm(
		{
			model: input.model,
			inputTokens: calls * input.inputTokens,
			outputTokens: calls * input.outputTokens,
			cachedInputTokens: 0,
			cacheWriteTokens: 0,
		},
		sheetFor(sheets, input.model),
	);
	const monthlyUsd = round(estimates.reduce((sum, e) => sum + e.totalUsd, 0));
	return {
		monthlyUsd,
		baselineUsd: baseline.totalUsd,
		savingsUsd: round(baseline.totalUsd - monthlyUsd),
		estimates,
	};
}

/** Monthly spend as the response-cache hit rate goes from 0 to 90%, for the chart. */
export function spendAgainstHitRate(
	input: AiSpendInput,
	sheets: Sheets,
): { hitPct: number; monthlyUsd: number }[] {
	return [0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((hitPct) => ({
		hitPct,
		monthlyUsd: estimateAiSpend({ ...input, responseCacheHitPct: hitPct }, sheets).monthlyUsd,
	}));
}

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;
