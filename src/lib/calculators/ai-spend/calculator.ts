import { formatUsd } from '../../format/money.ts';
import { pricingOnly } from '../../pricing/catalog.ts';
import { lifecycleNotices } from '../../pricing/llm-estimate.ts';
import { allModels, statusOn } from '../../pricing/llm.ts';
import { LINE_ITEM_HEADERS, lineItemCells } from '../export.ts';
import { defineCalculator } from '../define.ts';
import { cheapestAt, sheetSourceLine } from '../report-rows.ts';
import { AI_SPEND_OPTION, estimateAiSpend, type AiSpendData, type AiSpendInput } from './compute.ts';
import { AI_SPEND_PRESETS, aiSpendFields } from './fields.ts';

const nameOf = (data: AiSpendData, id: string) =>
	allModels(data.sheets).find((entry) => entry.model.id === id)?.model.name ?? id;

const providerOf = (data: AiSpendData, id: string) =>
	allModels(data.sheets).find((entry) => entry.model.id === id)?.sheet.provider ?? 'Model API';

/** Monthly model API spend with response caching, prompt caching, routing and batch pricing. */
export const aiSpendCalculator = defineCalculator<AiSpendInput, AiSpendData>({
	slug: 'ai-spend',
	title: 'AI API spend calculator, with caching',
	heading: 'AI API spend, with caching',
	lede: 'What a model-backed feature costs a month on Anthropic, OpenAI, Google and open-weight hosts, and how much response caching, prompt caching, batching and routing simple calls to a cheaper model save.',
	description:
		'Monthly spend on model APIs, and what response caching, prompt caching, batching and routing to a cheaper model save.',
	data: (catalog) => ({
		sheets: catalog.llm.map(pricingOnly),
		today: catalog.today,
		// Only models with something to say; the island reads these as data, not code.
		lifecycle: Object.fromEntries(
			allModels(catalog.llm).flatMap((entry) => {
				const notices = lifecycleNotices(entry, catalog.llm, catalog.today);
				return notices.length > 0 ? [[entry.model.id, notices]] : [];
			}),
		),
	}),
	sheets: (catalog) => catalog.llm,
	fields: (data) => aiSpendFields(data),
	presets: AI_SPEND_PRESETS,
	document(values, data, url) {
		const result = estimateAiSpend(values, data);
		return {
			title: 'AI API spend',
			summary: [
				`${values.requestsPerDay.toLocaleString('en-US')} calls a day over ${values.activeHoursPerDay} hours, of ${values.inputTokens} input and ${values.outputTokens} output tokens on ${nameOf(data, values.model)}${values.batch ? ', through the Batch API' : ''}.`,
				`Response cache hit rate ${values.responseCacheHitPct}%, ${values.routedPct}% routed to ${nameOf(data, values.cheapModel)}, ${values.cachedPrefixPct}% of each prompt a repeated prefix.`,
				`${formatUsd(result.monthlyUsd)} a month, against ${formatUsd(result.baselineUsd)} without caching or routing (saves ${formatUsd(result.savingsUsd)}).`,
				...result.successors.map(
					(successor) =>
						`With ${successor.toName} in place of ${successor.from}: ${formatUsd(successor.monthlyUsd)} a month.`,
				),
				...result.notices.map((notice) => notice.message),
			],
			table: {
				headers: LINE_ITEM_HEADERS,
				rows: result.estimates.flatMap((estimate) => estimate.lineItems.map(lineItemCells)),
			},
			sources: [
				...new Set(
					result.estimates.map(
						(e) => `${e.productName} prices as of ${e.priceSheet.asOf}: ${e.priceSheet.source}`,
					),
				),
			],
			url,
		};
	},
	figures(values, data) {
		const result = estimateAiSpend(values, data, false);
		return {
			monthly: { usd: result.monthlyUsd, label: 'AI API spend a month', estimates: result.estimates },
			baseline: { usd: result.baselineUsd, label: 'The same calls without caching or routing, a month' },
			savings: { usd: result.savingsUsd, label: 'Saved a month by caching and routing' },
		};
	},
	report: {
		title: 'Full report: AI API spend across traffic levels and models',
		columns: { driver: 'Model calls a day', option: 'Provider', detail: 'Model', usd: 'USD a month' },
		// Every model still served takes the main model's place, with the scenario's caching and routing.
		step(values, level, data) {
			const scaled = { ...values, requestsPerDay: values.requestsPerDay * level };
			return allModels(data.sheets)
				.filter(({ model }) => statusOn(model, data.today) !== 'retired')
				.map(({ sheet, model }) => ({
					level,
					driver: Math.round(scaled.requestsPerDay),
					option: sheet.provider,
					detail: model.name,
					usd: estimateAiSpend({ ...scaled, model: model.id }, data, false).monthlyUsd,
				}));
		},
		summary: (rows) => [
			`Cheapest at the scenario's traffic: ${cheapestAt(rows, 1, true)}.`,
			`Cheapest at 100× the traffic: ${cheapestAt(rows, 100, true)}.`,
			'Each provider counts tokens with its own tokenizer; the same token counts are priced on every model.',
		],
		sources: (data) => data.sheets.map(sheetSourceLine),
	},
	// The model is an input here, so the scenario as set is the one option.
	estimate: {
		kind: 'spend',
		options: (values, data, level) => [
			{
				id: AI_SPEND_OPTION,
				label: `${nameOf(data, values.model)}${values.routedPct > 0 ? ` with ${values.routedPct}% on ${nameOf(data, values.cheapModel)}` : ''}`,
				provider: providerOf(data, values.model),
				usd: estimateAiSpend({ ...values, requestsPerDay: values.requestsPerDay * level }, data, false)
					.monthlyUsd,
			},
		],
		scenario: (values) =>
			`${values.requestsPerDay.toLocaleString('en-US')} model calls a day, ${values.inputTokens} tokens in, ${values.outputTokens} out`,
	},
});
