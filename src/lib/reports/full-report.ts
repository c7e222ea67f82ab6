import { estimateAiSpend, type AiSpendInput } from '../calculators/ai-spend.ts';
import { estimateDowntime, SLA_OPTIONS, type DowntimeInput } from '../calculators/downtime.ts';
import { estimateHosting, type HostingInput } from '../calculators/hosting.ts';
import type { Report } from '../calculators/report.ts';
import { formatUsd } from '../format/money.ts';
import type { LlmPriceSheet, MeteredPriceSheet } from '../pricing/price-sheet-schema.ts';

/** Calculators that can build a full report. */
export const REPORT_CALCULATORS = ['hosting', 'ai-spend', 'downtime'] as const;
export type ReportCalculator = (typeof REPORT_CALCULATORS)[number];

/** What a report job works from: a calculator and its (already validated) inputs. */
export interface ReportScenario {
	calculator: ReportCalculator;
	values: Record<string, number | string | boolean>;
}

export interface ReportSheets {
	metered: ReadonlyMap<string, MeteredPriceSheet & { id: string }>;
	llm: readonly (LlmPriceSheet & { id: string })[];
}

/** Traffic levels a full report prices, as multiples of the scenario: one job step each. */
export const REPORT_LEVELS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** The step labels of a report job, in order. */
export const reportStepLabels = (): string[] =>
	REPORT_LEVELS.map((level) => `Pricing ${formatLevel(level)} the traffic`);

const formatLevel = (level: number) => `${level}×`;
const usd = (value: number) => value.toFixed(2);
const whole = (value: number) => String(Math.round(value));

const HEADERS: Record<ReportCalculator, string[]> = {
	hosting: ['Traffic', 'Requests a month', 'Provider', 'Products', 'USD a month'],
	'ai-spend': ['Traffic', 'Model calls a day', 'Provider', 'Model', 'USD a month'],
	downtime: [
		'Traffic',
		'Revenue per hour (USD)',
		'Availability target',
		'Downtime hours a year',
		'USD a year',
	],
};

const TITLES: Record<ReportCalculator, string> = {
	hosting: 'Full report: hosting cost across traffic levels and providers',
	'ai-spend': 'Full report: AI API spend across traffic levels and models',
	downtime: 'Full report: downtime cost across traffic levels and availability targets',
};

/**
 * Prices one step of a report: the scenario at one traffic level, on every provider (hosting:
 * Cloudflare, AWS serving directly, AWS behind CloudFront; AI: every model on the price sheets;
 * downtime: every availability target, revenue growing with traffic). Rows are table cells.
 */
export function priceReportStep(scenario: ReportScenario, step: number, sheets: ReportSheets): string[][] {
	const level = REPORT_LEVELS[step];
	if (level === undefined) throw new RangeError(`A report has no step ${step}`);
	const traffic = formatLevel(level);
	switch (scenario.calculator) {
		case 'hosting': {
			const input = scenario.values as HostingInput;
			const scaled = { ...input, requests: input.requests * level, objectReads: input.objectReads * level };
			const direct = estimateHosting({ ...scaled, delivery: 'direct' }, sheets.metered);
			const cdn = estimateHosting({ ...scaled, delivery: 'cloudfront' }, sheets.metered);
			const products = (estimates: { product: string }[]) =>
				estimates.map((e) => sheets.metered.get(e.product)?.name ?? e.product).join(' + ');
			const requests = whole(scaled.requests);
			return [
				[traffic, requests, 'Cloudflare', products(direct.edge.estimates), usd(direct.edge.totalUsd)],
				[traffic, requests, 'AWS', products(direct.serverless.estimates), usd(direct.serverless.totalUsd)],
				[
					traffic,
					requests,
					'AWS with CloudFront',
					products(cdn.serverless.estimates),
					usd(cdn.serverless.totalUsd),
				],
			];
		}
		case 'ai-spend': {
			const input = scenario.values as AiSpendInput;
			const scaled = { ...input, requestsPerDay: input.requestsPerDay * level };
			return sheets.llm.flatMap((sheet) =>
				sheet.models.map((model) => [
					traffic,
					whole(scaled.requestsPerDay),
					sheet.provider,
					model.label,
					usd(estimateAiSpend({ ...scaled, model: model.id }, sheets.llm).monthlyUsd),
				]),
			);
		}
		case 'downtime': {
			const input = scenario.values as DowntimeInput;
			const scaled = { ...input, revenuePerHour: input.revenuePerHour * level };
			return SLA_OPTIONS.map((option) => {
				const result = estimateDowntime({ ...scaled, sla: option.value });
				return [
					traffic,
					usd(scaled.revenuePerHour),
					option.label,
					String(result.allowedHoursPerYear),
					usd(result.expectedYearlyCostUsd),
				];
			});
		}
	}
}

/** Where the prices of a report came from, one line per sheet it used. */
function sourcesFor(calculator: ReportCalculator, sheets: ReportSheets): string[] {
	const line = (sheet: { provider: string; name: string; asOf: Date; source: string }) =>
		`${sheet.provider} ${sheet.name} prices as of ${sheet.asOf.toISOString().slice(0, 10)}: ${sheet.source}`;
	if (calculator === 'hosting') return [...sheets.metered.values()].map(line);
	if (calculator === 'ai-spend') return sheets.llm.map(line);
	return ['Availability arithmetic only; no price sheets.'];
}

/**
 * Puts the finished steps together as one report (CSV, Markdown and the HTML view come from it).
 * The summary names the cheapest option at the scenario's own traffic and at 100 times it.
 */
export function composeFullReport(
	scenario: ReportScenario,
	stepRows: readonly (readonly string[][])[],
	sheets: ReportSheets,
	calculatorUrl: string,
): Report {
	const rows = stepRows.flat();
	const cheapestAt = (traffic: string) => {
		const candidates = rows.filter((row) => row[0] === traffic);
		const best = candidates.reduce<string[] | undefined>(
			(low, row) => (low === undefined || Number(row[4]) < Number(low[4]) ? row : low),
			undefined,
		);
		return best
			? `${best[2]}${scenario.calculator === 'ai-spend' ? ` ${best[3]}` : ''} at ${formatUsd(Number(best[4]))}`
			: 'n/a';
	};
	const summary =
		scenario.calculator === 'downtime'
			? [
					`Each availability target priced at ${REPORT_LEVELS.length} revenue levels, from ${formatLevel(REPORT_LEVELS[0])} to ${formatLevel(REPORT_LEVELS.at(-1) ?? 1)} the scenario.`,
					...rows
						.filter((row) => row[0] === '1×')
						.map(
							(row) =>
								`At the scenario's revenue, ${row[2]} availability allows ${row[3]} hours down a year, costing ${formatUsd(Number(row[4]))}.`,
						),
				]
			: [
					`${rows.length} prices: ${REPORT_LEVELS.length} traffic levels, from ${formatLevel(REPORT_LEVELS[0])} to ${formatLevel(REPORT_LEVELS.at(-1) ?? 1)} the scenario.`,
					`Cheapest at the scenario's traffic: ${cheapestAt('1×')}.`,
					`Cheapest at 100× the traffic: ${cheapestAt('100×')}.`,
				];
	return {
		title: TITLES[scenario.calculator],
		summary,
		table: { headers: HEADERS[scenario.calculator], rows },
		sources: sourcesFor(scenario.calculator, sheets),
		url: calculatorUrl,
	};
}
