import { formatUsd } from '../../format/money.ts';
import { LINE_ITEM_HEADERS, lineItemCells } from '../export.ts';
import { defineCalculator, type Figure } from '../define.ts';
import { cheapestAt, sheetSourceLine } from '../report-rows.ts';
import {
	databaseData,
	databaseOptions,
	estimateDatabases,
	scaleDatabase,
	type DatabaseData,
} from './compute.ts';
import { DATABASE_FIELDS, DATABASE_PRESETS } from './fields.ts';
import type { DatabaseInput } from './sizing.ts';

const gb = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} GB`;

/** The workload in a sentence. */
const describe = (values: DatabaseInput) =>
	`${gb(values.dataGb)} growing ${gb(values.growthGbPerMonth)} a month, ${values.peakReadsPerSecond + values.peakWritesPerSecond} queries a second at peak, ${values.connections} connections${values.ha ? ', high availability' : ''}`;

/** Managed PostgreSQL (and D1) sized and priced for one workload, side by side. */
export const databaseCalculator = defineCalculator<DatabaseInput, DatabaseData>({
	slug: 'database',
	title: 'Database cost calculator',
	heading: 'Database cost: RDS, Aurora, Neon, Supabase, Railway, PlanetScale and D1',
	lede: 'Describe your data and traffic once. Each provider gets the smallest plan or instance that fits, sized by memory for the working set, CPU for the peak and its connection limit, with the reasons shown, every line priced from a dated sheet, and the warnings that hurt teams later.',
	description:
		'Size and price one database workload on AWS RDS and Aurora, Neon, Supabase, Railway, PlanetScale and Cloudflare D1, with the plan each needs and why.',
	data: databaseData,
	sheets: (catalog) => [
		...catalog.database,
		...catalog.metered.filter((sheet) => sheet.id === 'cloudflare-d1' || sheet.id === 'cloudflare-workers'),
	],
	fields: () => DATABASE_FIELDS,
	presets: DATABASE_PRESETS,
	document(values, data, url) {
		const { quotes, ranked, needs } = estimateDatabases(values, data);
		return {
			title: 'Database cost',
			summary: [
				`${describe(values)}.`,
				`Needs ${gb(needs.memoryGb)} of memory for the working set and ${needs.peakVcpu} vCPU at peak.`,
				...ranked.map((quote) => `${quote.name}: ${quote.plan}, ${formatUsd(quote.totalUsd)} a month.`),
				...quotes.filter((quote) => !quote.fits).map((quote) => `${quote.name}: ${quote.plan}.`),
			],
			table: {
				headers: ['Provider', 'Plan', ...LINE_ITEM_HEADERS],
				rows: ranked.flatMap((quote) =>
					quote.estimates.flatMap((estimate) =>
						estimate.lineItems.map((item) => [quote.name, quote.plan, ...lineItemCells(item)]),
					),
				),
			},
			sources: [
				...new Set(
					ranked.flatMap((quote) =>
						quote.estimates.map(
							(e) => `${quote.name} prices as of ${e.priceSheet.asOf}: ${e.priceSheet.source}`,
						),
					),
				),
			],
			url,
		};
	},
	figures(values, data) {
		const { ranked } = estimateDatabases(values, data);
		const figures: Record<string, Figure> = {};
		for (const quote of ranked)
			figures[quote.id] = {
				usd: quote.totalUsd,
				label: `${quote.name} (${quote.plan}) a month`,
				estimates: quote.estimates,
			};
		const [cheapest] = ranked;
		if (cheapest) figures.cheapest = { usd: cheapest.totalUsd, label: `Cheapest: ${cheapest.name} a month` };
		return figures;
	},
	report: {
		title: 'Full report: database cost across traffic levels and providers',
		columns: { driver: 'Queries a second at peak', option: 'Provider', detail: 'Plan', usd: 'USD a month' },
		// Query rates, connections and egress grow with the level; the data stays as it is.
		step(values, level, data) {
			const scaled = scaleDatabase(values, level);
			return estimateDatabases(scaled, data).ranked.map((quote) => ({
				level,
				driver: Math.round(scaled.peakReadsPerSecond + scaled.peakWritesPerSecond),
				option: quote.name,
				detail: quote.plan,
				usd: quote.totalUsd,
			}));
		},
		summary: (rows) => [
			`Cheapest at the scenario's traffic: ${cheapestAt(rows, 1, true)}.`,
			`Cheapest at 100× the traffic: ${cheapestAt(rows, 100, true)}.`,
			'A provider missing at a level has no plan that fits it.',
		],
		sources: (data) => [...data.sheets, data.d1, data.workers].map(sheetSourceLine),
	},
	estimate: {
		kind: 'spend',
		options: (values, data, level) => databaseOptions(values, data, level),
		scenario: describe,
	},
});
