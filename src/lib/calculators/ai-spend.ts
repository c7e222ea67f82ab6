import { estimateLlm, type Estimate } from '../pricing/estimate.ts';
import type { LlmPriceSheet } from '../pricing/price-sheet-schema.ts';
import type { Field } from './fields.ts';

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

/** The AI spend calculator's inputs; the model lists come from the LLM price sheets. */
export function aiSpendFields(
	models: readonly { id: string; label: string }[],
	defaults: { model: string; cheapModel: string },
): Field[] {
	const options = models.map((model) => ({ value: model.id, label: model.label }));
	const percent = (name: string, label: string, hint: string, value: number): Field => ({
		kind: 'number',
		name,
		label,
		unit: '%',
		hint,
		default: value,
		min: 0,
		max: 100,
	});
	return [
		{
			kind: 'number',
			name: 'requestsPerDay',
			label: 'Model calls',
			unit: 'per day',
			hint: 'Requests your product sends to the model API.',
			default: 30_000,
			min: 0,
		},
		{
			kind: 'number',
			name: 'inputTokens',
			label: 'Input tokens',
			unit: 'per call',
			hint: 'Instructions, examples, context and the question.',
			default: 2000,
			min: 0,
		},
		{
			kind: 'number',
			name: 'outputTokens',
			label: 'Output tokens',
			unit: 'per call',
			hint: 'The length of a typical answer.',
			default: 300,
			min: 0,
		},
		{
			kind: 'choice',
			name: 'model',
			label: 'Model',
			hint: 'The model most calls go to.',
			options,
			default: defaults.model,
		},
		{
			kind: 'choice',
			name: 'cheapModel',
			label: 'Cheaper model',
			hint: 'Where routed calls go.',
			options,
			default: defaults.cheapModel,
		},
		percent(
			'routedPct',
			'Routed to the cheaper model',
			'Share of calls simple enough for the cheaper model.',
			0,
		),
		percent(
			'responseCacheHitPct',
			'Response cache hit rate',
			'Share of calls answered from your own cache of past answers.',
			0,
		),
		percent(
			'cachedPrefixPct',
			'Cacheable prompt prefix',
			'Share of each prompt that is the same every time (prompt caching).',
			0,
		),
	];
}

type Sheets = readonly (LlmPriceSheet & { id: string })[];

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

/** Starting points for common kinds of AI features. */
export const AI_SPEND_PRESETS: readonly { id: string; label: string; values: Partial<AiSpendInput> }[] = [
	{
		id: 'support-bot',
		label: 'Support assistant',
		values: {
			requestsPerDay: 20_000,
			inputTokens: 3000,
			outputTokens: 400,
			cachedPrefixPct: 70,
			responseCacheHitPct: 15,
		},
	},
	{
		id: 'summaries',
		label: 'Document summaries',
		values: {
			requestsPerDay: 5_000,
			inputTokens: 12_000,
			outputTokens: 800,
			cachedPrefixPct: 10,
			routedPct: 40,
		},
	},
	{
		id: 'classification',
		label: 'Ticket classification',
		values: {
			requestsPerDay: 100_000,
			inputTokens: 800,
			outputTokens: 20,
			cachedPrefixPct: 85,
			routedPct: 80,
		},
	},
];

/** The calculator's fields for the models in the given price sheets, defaulting to a Claude pair. */
export function aiSpendFieldsFor(sheets: readonly (LlmPriceSheet & { id: string })[]): Field[] {
	return aiSpendFields(
		sheets.flatMap((sheet) => sheet.models),
		{ model: 'claude-sonnet-4-5', cheapModel: 'claude-haiku-4-5' },
	);
}
