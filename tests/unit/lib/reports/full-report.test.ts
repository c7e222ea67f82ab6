import { describe, expect, it } from 'vitest';
import { defaultsOf } from '~/lib/calculators/fields';
import { DOWNTIME_FIELDS } from '~/lib/calculators/downtime';
import { HOSTING_FIELDS } from '~/lib/calculators/hosting';
import { aiSpendFieldsFor } from '~/lib/calculators/ai-spend';
import {
	composeFullReport,
	priceReportStep,
	REPORT_LEVELS,
	reportStepLabels,
	type ReportScenario,
} from '~/lib/reports/full-report';
import { loadPriceSheets } from '../../../support/content-data';

const sheets = loadPriceSheets();
const hosting: ReportScenario = { calculator: 'hosting', values: defaultsOf(HOSTING_FIELDS) };

describe('full report steps', () => {
	it('has one step per traffic level, each with a label', () => {
		expect(reportStepLabels()).toHaveLength(REPORT_LEVELS.length);
		expect(reportStepLabels()[3]).toBe('Pricing 1× the traffic');
	});

	it('prices hosting on Cloudflare, AWS, and AWS with CloudFront at each level', () => {
		const rows = priceReportStep(hosting, 3, sheets);
		expect(rows.map((row) => row[2])).toEqual(['Cloudflare', 'AWS', 'AWS with CloudFront']);
		expect(rows.every((row) => row[0] === '1×' && Number(row[4]) >= 0)).toBe(true);
	});

	it('costs more (or the same) on every provider as traffic grows', () => {
		const low = priceReportStep(hosting, 0, sheets);
		const high = priceReportStep(hosting, REPORT_LEVELS.length - 1, sheets);
		low.forEach((row, index) => expect(Number(high[index]?.[4])).toBeGreaterThanOrEqual(Number(row[4])));
	});

	it('prices every model on the LLM sheets for AI spend', () => {
		const fields = aiSpendFieldsFor([...sheets.llm]);
		const rows = priceReportStep({ calculator: 'ai-spend', values: defaultsOf(fields) }, 3, sheets);
		expect(rows).toHaveLength(sheets.llm.reduce((n, sheet) => n + sheet.models.length, 0));
	});

	it('prices every availability target for downtime', () => {
		const rows = priceReportStep({ calculator: 'downtime', values: defaultsOf(DOWNTIME_FIELDS) }, 3, sheets);
		expect(rows.map((row) => row[2])).toEqual(['99%', '99.9%', '99.95%', '99.99%']);
	});

	it('refuses a step past the last one', () => {
		expect(() => priceReportStep(hosting, REPORT_LEVELS.length, sheets)).toThrow(RangeError);
	});
});

describe('composeFullReport', () => {
	it('joins the steps in order and names the cheapest option at 1× and 100×', () => {
		const steps = REPORT_LEVELS.map((_, step) => priceReportStep(hosting, step, sheets));
		const report = composeFullReport(hosting, steps, sheets, 'https://example.com/tools/hosting');
		expect(report.table.rows).toHaveLength(REPORT_LEVELS.length * 3);
		expect(report.table.rows[0]?.[0]).toBe('0.1×');
		expect(report.summary.join(' ')).toMatch(/Cheapest at the scenario's traffic: .+ at \$/);
		expect(report.sources.length).toBeGreaterThan(3);
	});
});
