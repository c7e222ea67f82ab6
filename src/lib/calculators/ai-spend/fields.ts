import type { LlmSheet } from '../../pricing/catalog.ts';
import type { Field } from '../fields.ts';
import type { Preset } from '../presets.ts';
import type { AiSpendInput } from './compute.ts';

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

/** Starting points for common kinds of AI features. */
export const AI_SPEND_PRESETS: readonly Preset<AiSpendInput>[] = [
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
export function aiSpendFieldsFor(sheets: readonly LlmSheet[]): Field[] {
	return aiSpendFields(
		sheets.flatMap((sheet) => sheet.models),
		{ model: 'claude-sonnet-4-5', cheapModel: 'claude-haiku-4-5' },
	);
}
