import { describe, expect, it } from 'vitest';
import { CALCULATOR_SLUGS, CALCULATORS, findCalculator } from '~/lib/calculators/registry';
import {
	composeFullReport,
	isReportRows,
	priceReportStep,
	REPORT_LEVELS,
	reportStepLabels,
} from '~/lib/reports/full-report';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog();
const defaults = (slug: keyof typeof CALCULATORS) => CALCULATORS[slug].read(catalog, () => null).values;
const hosting = CALCULATORS.hosting;

describe('full report steps', () => {
	it('has one step per traffic level, each with a label', () => {
		expect(reportStepLabels()).toHaveLength(REPORT_LEVELS.length);
		expect(reportStepLabels()[3]).toBe('Pricing 1× the traffic');
	});

	it('prices hosting on Cloudflare, AWS, and AWS with CloudFront at each level', () => {
		const rows = priceReportStep(hosting, defaults('hosting'), 3, catalog);
		expect(rows.map((row) => row.option)).toEqual(['Cloudflare', 'AWS', 'AWS with CloudFront']);
		expect(rows.every((row) => row.level === 1 && row.usd >= 0)).toBe(true);
	});

	it('costs more (or the same) on every provider as traffic grows', () => {
		const low = priceReportStep(hosting, defaults('hosting'), 0, catalog);
		const high = priceReportStep(hosting, defaults('hosting'), REPORT_LEVELS.length - 1, catalog);
		low.forEach((row, index) => expect(high[index]!.usd).toBeGreaterThanOrEqual(row.usd));
	});

	it('prices every model still served for AI spend, and leaves out retired ones', () => {
		const rows = priceReportStep(CALCULATORS['ai-spend'], defaults('ai-spend'), 3, catalog);
		const served = catalog.llm.flatMap((sheet) => sheet.models).filter((model) => model.status !== 'retired');
		expect(rows.map((row) => row.detail)).toEqual(served.map((model) => model.name));
		expect(new Set(rows.map((row) => row.option))).toEqual(
			new Set(['Anthropic', 'OpenAI', 'Google', 'Cloudflare Workers AI', 'Groq']),
		);
	});

	it('prices every availability target for downtime', () => {
		const rows = priceReportStep(CALCULATORS.downtime, defaults('downtime'), 3, catalog);
		expect(rows.map((row) => row.option)).toEqual(['99%', '99.9%', '99.95%', '99.99%']);
	});

	it('refuses a step past the last one', () => {
		expect(() => priceReportStep(hosting, defaults('hosting'), REPORT_LEVELS.length, catalog)).toThrow(
			RangeError,
		);
	});
});

describe('composeFullReport', () => {
	it('joins the steps in order and names the cheapest option at 1× and 100×', () => {
		const steps = REPORT_LEVELS.map((_, step) =>
			priceReportStep(hosting, defaults('hosting'), step, catalog),
		);
		const report = composeFullReport(
			hosting,
			defaults('hosting'),
			steps,
			catalog,
			'https://example.com/tools/hosting',
		);
		expect(report.table.headers).toEqual([
			'Traffic',
			'Requests a month',
			'Provider',
			'Products',
			'USD a month',
		]);
		expect(report.table.rows).toHaveLength(REPORT_LEVELS.length * 3);
		expect(report.table.rows[0]?.[0]).toBe('0.1×');
		expect(report.summary.join(' ')).toMatch(/Cheapest at the scenario's traffic: .+ at \$/);
		expect(report.sources.length).toBeGreaterThan(3);
	});

	it('summarises downtime per availability target instead of naming a cheapest one', () => {
		const calculator = CALCULATORS.downtime;
		const steps = REPORT_LEVELS.map((_, step) =>
			priceReportStep(calculator, defaults('downtime'), step, catalog),
		);
		const report = composeFullReport(
			calculator,
			defaults('downtime'),
			steps,
			catalog,
			'https://example.com/tools/downtime',
		);
		expect(report.summary.join(' ')).toContain('availability allows');
		expect(report.summary.join(' ')).not.toContain('Cheapest');
	});
});

describe('the calculator registry', () => {
	it('answers undefined for an unknown slug instead of falling through to another calculator', () => {
		expect(findCalculator('nope')).toBeUndefined();
		expect(findCalculator('toString')).toBeUndefined();
		expect(findCalculator(undefined)).toBeUndefined();
	});

	it('files every calculator under its own slug, with its page at /tools/<slug>', () => {
		for (const slug of CALCULATOR_SLUGS) {
			expect(CALCULATORS[slug].slug).toBe(slug);
			expect(CALCULATORS[slug].path).toBe(`/tools/${slug}`);
		}
	});
});

describe('isReportRows', () => {
	it('accepts typed rows and refuses the string rows older reports stored', () => {
		expect(isReportRows([{ level: 1, driver: 5, option: 'AWS', detail: 'S3', usd: 2 }])).toBe(true);
		expect(isReportRows([['1×', '5', 'AWS', 'S3', '2.00']])).toBe(false);
		expect(isReportRows('nope')).toBe(false);
	});
});
