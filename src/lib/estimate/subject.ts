// The stack estimate priced like a calculator, for its CSV and Markdown exports and its full report.
import type { FullReportRow, ReportSubject } from '../calculators/define.ts';
import type { ResultDocument } from '../calculators/export.ts';
import { sheetSourceLine } from '../calculators/report-rows.ts';
import { CALCULATORS, findCalculator } from '../calculators/registry.ts';
import { formatUsd } from '../format/money.ts';
import type { PriceCatalog } from '../pricing/catalog.ts';
import { readEstimate, readEstimateText, type ReadEstimate } from './items.ts';
import { priceEstimate, type PricedEstimate } from './price.ts';

export const ESTIMATE_PATH = '/tools/estimate';

/** The headline lines of an estimate, for its exports and the inquiry that carries it. */
export function estimateSummary(priced: PricedEstimate): string[] {
	const spend = priced.items.filter((item) => item.kind === 'spend');
	return [
		`${spend.length} ${spend.length === 1 ? 'item' : 'items'}: ${formatUsd(priced.spendUsd)} a month.`,
		...(priced.byProvider.length > 1
			? [`By provider: ${priced.byProvider.map((p) => `${p.provider} ${formatUsd(p.usd)}`).join(', ')}.`]
			: []),
		...(priced.cheapestUsd < priced.spendUsd
			? [`On the cheapest option of each item: ${formatUsd(priced.cheapestUsd)} a month.`]
			: []),
		...(priced.riskUsd > 0
			? [`Expected cost of downtime, not part of the bill: ${formatUsd(priced.riskUsd)} a month.`]
			: []),
		...priced.errors.map((error) => `Left out: ${error}.`),
	];
}

/** Price sheets behind the calculators an estimate uses, one line each. */
function estimateSources(priced: PricedEstimate, catalog: PriceCatalog): string[] {
	const lines = priced.items.flatMap((item) =>
		(findCalculator(item.calculator.slug)?.sheets(catalog) ?? []).map(sheetSourceLine),
	);
	return lines.length > 0 ? [...new Set(lines)] : ['No price sheet: every figure comes from the inputs.'];
}

/** The estimate as a document: one row per item, for CSV and Markdown. */
export function estimateDocument(priced: PricedEstimate, catalog: PriceCatalog, url: string): ResultDocument {
	return {
		title: 'Stack estimate',
		summary: estimateSummary(priced),
		table: {
			headers: ['Item', 'Tool', 'Scenario', 'Option', 'Provider', 'USD a month', 'Counted in the bill'],
			rows: priced.items.map((item) => [
				String(item.position),
				item.calculator.title,
				item.scenario,
				item.chosen.label,
				item.chosen.provider,
				item.chosen.usd.toFixed(2),
				item.kind === 'spend' ? 'yes' : 'no (expected loss)',
			]),
		},
		sources: estimateSources(priced, catalog),
		url,
	};
}

/** The estimate kept in one value (a form field, a stored job): its query string. */
const FIELD = 'estimate';
const readValue = (values: Record<string, unknown>): ReadEstimate =>
	readEstimateText(typeof values[FIELD] === 'string' ? values[FIELD] : '');

/** The estimate as a report subject: each item's chosen option at every traffic level. */
export const estimateSubject: ReportSubject = {
	slug: 'estimate',
	title: 'Stack estimate',
	path: ESTIMATE_PATH,
	read(catalog, get) {
		const text = get(FIELD);
		const priced = priceEstimate(readEstimateText(text ?? ''), catalog);
		const problem =
			priced.errors[0] ??
			(priced.items.length === 0 ? 'holds no items; add one from a calculator' : undefined);
		return {
			values: { [FIELD]: priced.query },
			errors: problem ? { [FIELD]: problem } : {},
			fromUrl: text !== null,
		};
	},
	pageQuery: (values) => String(values[FIELD] ?? ''),
	document: (values, catalog, url) =>
		estimateDocument(priceEstimate(readValue(values), catalog), catalog, url),
	report: {
		title: 'Full report: your stack estimate across traffic levels',
		columns: { driver: 'Item', option: 'Provider', detail: 'Option', usd: 'USD a month' },
		step(values, level, catalog): FullReportRow[] {
			return priceEstimate(readValue(values), catalog, level).items.map((item) => ({
				level,
				driver: item.position,
				option: item.chosen.provider,
				detail: `${item.calculator.title}: ${item.chosen.label}${item.kind === 'risk' ? ' (expected loss, not billed)' : ''}`,
				usd: item.chosen.usd,
			}));
		},
		summary(rows, values, catalog) {
			const kinds = new Map(
				priceEstimate(readValue(values), catalog).items.map((item) => [item.position, item.kind]),
			);
			const billAt = (level: number) =>
				rows
					.filter((row) => row.level === level && kinds.get(row.driver) === 'spend')
					.reduce((sum, row) => sum + row.usd, 0);
			return [
				`The bill at the scenario's traffic: ${formatUsd(billAt(1))} a month.`,
				`At 10× the traffic: ${formatUsd(billAt(10))} a month; at 100×: ${formatUsd(billAt(100))}.`,
				'Each item scales the way its calculator does: requests, calls or revenue grow; stored data stays.',
			];
		},
		sources(catalog) {
			return [...new Set(Object.values(CALCULATORS).flatMap((c) => c.sheets(catalog).map(sheetSourceLine)))];
		},
	},
};

/** Reads an estimate page's URL: its `item` parameters, or an `estimate` value (a report's link). */
export function readEstimateUrl(params: URLSearchParams): ReadEstimate {
	const text = params.get(FIELD);
	return text === null ? readEstimate(params) : readEstimateText(text);
}
