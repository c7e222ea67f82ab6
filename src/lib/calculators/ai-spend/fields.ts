import { statusOn } from '../../pricing/llm.ts';
import type { ChoiceOption, Field } from '../fields.ts';
import type { Preset } from '../presets.ts';
import type { AiSpendData, AiSpendInput } from './compute.ts';

/** The models a new estimate starts from: both current, neither retiring soon (the content check holds this). */
export const AI_SPEND_DEFAULT_MODELS = {
	model: 'claude-sonnet-5-5',
	cheapModel: 'claude-haiku-5-5',
} as const;

/**
 * Every model as a choice, grouped by provider. A deprecated model says when it retires; a
 * retired one stays a valid choice (an old link still opens) but is only listed when chosen.
 */
export function modelOptions(data: AiSpendData): ChoiceOption[] {
	return data.sheets.flatMap((sheet) =>
		sheet.models.map((model) => {
			const status = statusOn(model, data.today);
			const suffix =
				status === 'retired'
					? ` (retired ${model.retiresOn})`
					: status === 'deprecated'
						? ` (retires ${model.retiresOn})`
						: status === 'legacy'
							? ' (legacy)'
							: '';
			return {
				value: model.id,
				label: `${model.name}${suffix}`,
				group: sheet.provider,
				...(status === 'retired' ? { hidden: true } : {}),
			};
		}),
	);
}

/** The AI spend calculator's inputs; the model lists come from the LLM price sheets. */
export function aiSpendFields(data: AiSpendData): Field[] {
	const options = modelOptions(data);
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
			default: AI_SPEND_DEFAULT_MODELS.model,
		},
		{
			kind: 'choice',
			name: 'cheapModel',
			label: 'Cheaper model',
			hint: 'Where routed calls go.',
			options,
			default: AI_SPEND_DEFAULT_MODELS.cheapModel,
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
			'Share of each prompt that is the same every time, at its start (prompt caching).',
			0,
		),
		{
			kind: 'number',
			name: 'activeHoursPerDay',
			label: 'Hours with traffic',
			unit: 'a day',
			hint: 'Calls spread over these hours; a prompt cache goes cold in the quiet ones and is written again.',
			default: 24,
			min: 1,
			max: 24,
		},
		{
			kind: 'toggle',
			name: 'batch',
			label: 'Send through the Batch API',
			hint: "Results within 24 hours, at the providers' batch discount (half price where offered).",
			default: false,
		},
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
