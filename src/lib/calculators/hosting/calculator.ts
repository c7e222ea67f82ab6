import { meteredPrices } from '../../pricing/catalog.ts';
import type { Estimate } from '../../pricing/estimate.ts';
import { formatUsd } from '../../format/money.ts';
import { LINE_ITEM_HEADERS, lineItemCells } from '../export.ts';
import { defineCalculator } from '../define.ts';
import { cheapestAt, sheetSourceLine } from '../report-rows.ts';
import {
	estimateHosting,
	hostingOptions,
	scaleHosting,
	type HostingData,
	type HostingInput,
} from './compute.ts';
import { HOSTING_FIELDS, HOSTING_PRESETS } from './fields.ts';

const lineRows = (stack: string, estimates: Estimate[]) =>
	estimates.flatMap((estimate) =>
		estimate.lineItems.map((item) => [stack, estimate.product, ...lineItemCells(item)]),
	);

/** The products of a stack as their sheets name them, e.g. "Workers Paid + R2 Standard storage". */
const productNames = (estimates: readonly Estimate[]) => estimates.map((e) => e.productName).join(' + ');

/** Edge (Cloudflare) against serverless (AWS) for the same month of traffic. */
export const hostingCalculator = defineCalculator<HostingInput, HostingData>({
	slug: 'hosting',
	title: 'Edge vs serverless hosting cost calculator',
	heading: 'Edge vs serverless hosting cost',
	lede: 'The same month of traffic priced on Cloudflare (Workers, R2, and D1, KV or Queues when you use them) and on AWS (Lambda, API Gateway, S3, optionally CloudFront). Every line names its price sheet and date.',
	description:
		'Price the same traffic on Cloudflare Workers and R2 and on AWS Lambda, API Gateway and S3, and see where the costs cross.',
	data: (catalog) => ({ sheets: catalog.metered.map(meteredPrices), today: catalog.today }),
	sheets: (catalog) => catalog.metered,
	fields: () => HOSTING_FIELDS,
	presets: HOSTING_PRESETS,
	document(values, { sheets }, url) {
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
				headers: ['Stack', 'Product', ...LINE_ITEM_HEADERS],
				rows: [
					...lineRows('Edge', result.edge.estimates),
					...lineRows('Serverless', result.serverless.estimates),
				],
			},
			sources: [
				...new Set(all.map((e) => `${e.product} prices as of ${e.priceSheet.asOf}: ${e.priceSheet.source}`)),
			],
			url,
		};
	},
	figures(values, { sheets }) {
		const result = estimateHosting(values, sheets);
		return {
			edge: {
				usd: result.edge.totalUsd,
				label: 'Edge (Cloudflare) a month',
				estimates: result.edge.estimates,
			},
			serverless: {
				usd: result.serverless.totalUsd,
				label: 'Serverless (AWS) a month',
				estimates: result.serverless.estimates,
			},
		};
	},
	report: {
		title: 'Full report: hosting cost across traffic levels and providers',
		columns: { driver: 'Requests a month', option: 'Provider', detail: 'Products', usd: 'USD a month' },
		step(values, level, { sheets }) {
			const scaled = scaleHosting(values, level);
			const direct = estimateHosting({ ...scaled, delivery: 'direct' }, sheets);
			const cdn = estimateHosting({ ...scaled, delivery: 'cloudfront' }, sheets);
			const row = (option: string, stack: { totalUsd: number; estimates: Estimate[] }) => ({
				level,
				driver: Math.round(scaled.requests),
				option,
				detail: productNames(stack.estimates),
				usd: stack.totalUsd,
			});
			return [
				row('Cloudflare', direct.edge),
				row('AWS', direct.serverless),
				row('AWS with CloudFront', cdn.serverless),
			];
		},
		summary: (rows) => [
			`Cheapest at the scenario's traffic: ${cheapestAt(rows, 1)}.`,
			`Cheapest at 100× the traffic: ${cheapestAt(rows, 100)}.`,
		],
		sources: ({ sheets }) => sheets.map(sheetSourceLine),
	},
	estimate: {
		kind: 'spend',
		options: (values, { sheets }, level) => hostingOptions(values, sheets, level),
		scenario: (values) =>
			`${values.requests.toLocaleString('en-US')} requests a month, ${values.responseKb} KB responses, ${values.storageGb} GB stored`,
	},
});
