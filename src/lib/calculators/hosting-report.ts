import { formatUsd } from '../format/money.ts';
import type { Estimate } from '../pricing/estimate.ts';
import type { MeteredPriceSheet } from '../pricing/price-sheet-schema.ts';
import { estimateHosting, type HostingInput } from './hosting.ts';
import type { Report } from './report.ts';

const rows = (stack: string, estimates: Estimate[]) =>
	estimates.flatMap((estimate) =>
		estimate.lineItems.map((item) => [
			stack,
			estimate.product,
			item.label,
			String(item.quantity),
			item.unit,
			String(item.unitPriceUsd),
			item.usd.toFixed(2),
		]),
	);

/** The hosting comparison as a report, for CSV and Markdown export. */
export function hostingReport(
	values: HostingInput,
	sheets: ReadonlyMap<string, MeteredPriceSheet & { id: string }>,
	url: string,
): Report {
	const result = estimateHosting(values, sheets);
	const all = [...result.edge.estimates, ...result.serverless.estimates];
	return {
		title: 'Edge vs serverless hosting cost',
		summary: [
			`${values.requests.toLocaleString('en-US')} requests a month, ${values.responseKb} KB responses, ${values.storageGb} GB stored.`,
			`Edge (Cloudflare): ${formatUsd(result.edge.totalUsd)} a month. Serverless (AWS): ${formatUsd(result.serverless.totalUsd)} a month.`,
			`Free tiers ${values.freeTier ? 'applied' : 'not applied'}; serverless bytes served ${values.delivery === 'cloudfront' ? 'through CloudFront' : 'directly'}.`,
		],
		table: {
			headers: ['Stack', 'Product', 'Item', 'Quantity', 'Unit', 'Unit price (USD)', 'USD'],
			rows: [...rows('Edge', result.edge.estimates), ...rows('Serverless', result.serverless.estimates)],
		},
		sources: [
			...new Set(all.map((e) => `${e.product} prices as of ${e.priceSheet.asOf}: ${e.priceSheet.source}`)),
		],
		url,
	};
}
