import type { LlmSheet } from '../../pricing/catalog.ts';
import { formatUsd } from '../../format/money.ts';
import { defineCalculator } from '../define.ts';
import { cheapestAt, sheetSourceLine } from '../report-rows.ts';
import { estimateAiSpend, type AiSpendInput } from './compute.ts';
import { AI_SPEND_PRESETS, aiSpendFieldsFor } from './fields.ts';

/** Monthly model API spend with response caching, prompt caching and routing. */
export const aiSpendCalculator = defineCalculator<AiSpendInput, readonly LlmSheet[]>({
	slug: 'ai-spend',
	title: 'AI API spend calculator, with caching',
	heading: 'AI API spend, with caching',
	lede: 'What a model-backed feature costs a month, and how much response caching, prompt caching and routing simple calls to a cheaper model save.',
	description:
		'Monthly spend on model APIs, and what response caching, prompt caching and routing to a cheaper model save.',
	data: (catalog) => catalog.llm,
	fields: (sheets) => aiSpendFieldsFor(sheets),
	presets: AI_SPEND_PRESETS,
	document(values, sheets, url) {
		const result = estimateAiSpend(values, sheets);
		return {
			title: 'AI API spend',
			summary: [
				`${values.requestsPerDay.toLocaleString('en-US')} calls a day of ${values.inputTokens} input and ${values.outputTokens} output tokens on ${values.model}.`,
				`Response cache hit rate ${values.responseCacheHitPct}%, ${values.routedPct}% routed to ${values.cheapModel}, ${values.cachedPrefixPct}% of each prompt cached.`,
				`${formatUsd(result.monthlyUsd)} a month, against ${formatUsd(result.baselineUsd)} without caching or routing (saves ${formatUsd(result.savingsUsd)}).`,
			],
			table: {
				headers: ['Item', 'Quantity', 'Unit', 'Unit price (USD)', 'USD'],
				rows: result.estimates.flatMap((estimate) =>
					estimate.lineItems.map((item) => [
						item.label,
						String(item.quantity),
						item.unit,
						String(item.unitPriceUsd),
						item.usd.toFixed(2),
					]),
				),
			},
			sources: [
				...new Set(result.estimates.map((e) => `Prices as of ${e.priceSheet.asOf}: ${e.priceSheet.source}`)),
			],
			url,
		};
	},
	report: {
		title: 'Full report: AI API spend across traffic levels and models',
		columns: { driver: 'Model calls a day', option: 'Provider', detail: 'Model', usd: 'USD a month' },
		// Every model on the sheets takes the main model's place, with the scenario's caching and routing.
		step(values, level, sheets) {
			const scaled = { ...values, requestsPerDay: values.requestsPerDay * level };
			return sheets.flatMap((sheet) =>
				sheet.models.map((model) => ({
					level,
					driver: Math.round(scaled.requestsPerDay),
					option: sheet.provider,
					detail: model.label,
					usd: estimateAiSpend({ ...scaled, model: model.id }, sheets).monthlyUsd,
				})),
			);
		},
		summary: (rows) => [
			`Cheapest at the scenario's traffic: ${cheapestAt(rows, 1, true)}.`,
			`Cheapest at 100× the traffic: ${cheapestAt(rows, 100, true)}.`,
		],
		sources: (sheets) => sheets.map(sheetSourceLine),
	},
});
