import { formatUsd } from '../format/money.ts';
import type { LlmPriceSheet } from '../pricing/price-sheet-schema.ts';
import { estimateAiSpend, type AiSpendInput } from './ai-spend.ts';
import type { Report } from './report.ts';

/** The AI spend estimate as a report, for CSV and Markdown export. */
export function aiSpendReport(
	values: AiSpendInput,
	sheets: readonly (LlmPriceSheet & { id: string })[],
	url: string,
): Report {
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
}
