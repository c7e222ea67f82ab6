import type { FullReportRow, ReportSubject } from '../calculators/define.ts';
import type { ResultDocument } from '../calculators/export.ts';
import type { PriceCatalog } from '../pricing/catalog.ts';

/** Traffic levels a full report prices, as multiples of the scenario: one job step each. */
export const REPORT_LEVELS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** The step labels of a report job, in order. */
export const reportStepLabels = (): string[] =>
	REPORT_LEVELS.map((level) => `Pricing ${formatLevel(level)} the traffic`);

/** @example formatLevel(0.25) // => '0.25×' */
const formatLevel = (level: number) => `${level}×`;

/**
 * Prices one step of a report: the scenario at one traffic level on every option the
 * calculator compares. @throws RangeError for a step past the last.
 */
export function priceReportStep(
	calculator: ReportSubject,
	values: Record<string, number | string | boolean>,
	step: number,
	catalog: PriceCatalog,
): FullReportRow[] {
	const level = REPORT_LEVELS[step];
	if (level === undefined) throw new RangeError(`A report has no step ${step}`);
	return calculator.report.step(values, level, catalog);
}

/** Whether stored step rows have the shape this version writes (older reports stored strings). */
export function isReportRows(rows: unknown): rows is FullReportRow[] {
	return (
		Array.isArray(rows) &&
		rows.every(
			(row: unknown) =>
				typeof row === 'object' &&
				row !== null &&
				typeof (row as FullReportRow).level === 'number' &&
				typeof (row as FullReportRow).driver === 'number' &&
				typeof (row as FullReportRow).option === 'string' &&
				typeof (row as FullReportRow).detail === 'string' &&
				typeof (row as FullReportRow).usd === 'number',
		)
	);
}

// Whole numbers stay plain for spreadsheets; the report page groups them for reading.
const driverCell = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/**
 * Puts the finished steps together as one document (CSV, Markdown and the HTML view come from
 * it): rows in step order, the calculator's own summary, and the sources it priced from.
 */
export function composeFullReport(
	calculator: ReportSubject,
	values: Record<string, number | string | boolean>,
	stepRows: readonly (readonly FullReportRow[])[],
	catalog: PriceCatalog,
	calculatorUrl: string,
): ResultDocument {
	const rows = stepRows.flat();
	const { columns } = calculator.report;
	return {
		title: calculator.report.title,
		summary: [
			`${rows.length} prices: ${REPORT_LEVELS.length} traffic levels, from ${formatLevel(REPORT_LEVELS[0])} to ${formatLevel(REPORT_LEVELS.at(-1) ?? 1)} the scenario.`,
			...calculator.report.summary(rows, values, catalog),
		],
		table: {
			headers: ['Traffic', columns.driver, columns.option, columns.detail, columns.usd],
			rows: rows.map((row) => [
				formatLevel(row.level),
				driverCell(row.driver),
				row.option,
				row.detail,
				row.usd.toFixed(2),
			]),
		},
		sources: calculator.report.sources(catalog),
		url: calculatorUrl,
	};
}
