// What a calculator is: one definition that the page, the exports, the embeds, the report job
// and the tools index all read. Each calculator's folder exports one `defineCalculator(...)`.
import type { DatabaseSheet, LlmSheet, MeteredSheet, PriceCatalog } from '../pricing/catalog.ts';
import type { Estimate } from '../pricing/estimate-base.ts';
import type { ResultDocument } from './export.ts';
import { readFields, type Field, type FieldState, type FieldValues } from './fields.ts';
import type { Preset } from './presets.ts';

/** A price sheet a calculator reads. */
export type PricedSheet = MeteredSheet | LlmSheet | DatabaseSheet;

/** One row of a full report: one option priced at one traffic level. Formatted only on export. */
export interface FullReportRow {
	/** Multiple of the scenario's traffic, e.g. 0.1 or 25. */
	level: number;
	/** The scaled driver, e.g. requests a month or calls a day. */
	driver: number;
	/** What is compared, e.g. "Cloudflare" or "Anthropic". */
	option: string;
	/** What the option is made of, e.g. the products or the model. */
	detail: string;
	usd: number;
}

/** How a calculator's full report reads: column names, its rows at a traffic level, its summary. */
export interface FullReportSpec<V extends FieldValues, D> {
	title: string;
	columns: { driver: string; option: string; detail: string; usd: string };
	/** Every option priced at `level` times the scenario's traffic. */
	step(values: V, level: number, data: D): FullReportRow[];
	/** The headline lines of the finished report. */
	summary(rows: readonly FullReportRow[], values: V, data: D): string[];
	/** One line per price sheet the report used. */
	sources(data: D): string[];
}

/** A headline number a guide can quote, with the line items behind it when it has any. */
export interface Figure {
	usd: number;
	/** What the number is, e.g. "Edge (Cloudflare) a month". */
	label: string;
	estimates?: Estimate[];
}

/** One way to pay for a calculator's scenario, priced a month: what a stack estimate adds up. */
export interface EstimateOption {
	/** Stable id in estimate links, e.g. "cloudflare" or "neon". */
	id: string;
	/** What is priced, e.g. "Cloudflare Workers + R2". */
	label: string;
	/** Who is paid, for the totals per provider, e.g. "Cloudflare". */
	provider: string;
	/** USD a month. */
	usd: number;
}

/** How a calculator's scenario joins a stack estimate (/tools/estimate). */
export interface EstimateSpec<V extends FieldValues, D> {
	/** A bill ('spend'), or an expected loss ('risk', e.g. downtime) shown beside the bill, never in it. */
	kind: 'spend' | 'risk';
	/** Every option for the scenario at `level` times its traffic, cheapest or chosen first: "Add" takes the first. */
	options(values: V, data: D, level: number): EstimateOption[];
	/** The scenario in a few words, e.g. "5M requests a month, 40 KB responses". */
	scenario(values: V, data: D): string;
}

/** Everything one calculator is, typed with its inputs `V` and the price data `D` it works from. */
export interface CalculatorSpec<V extends FieldValues, D> {
	/** URL segment and id everywhere: /tools/<slug>, <Tool id="<slug>">, `tools: [<slug>]`. */
	slug: string;
	/** Its name in lists and embeds, e.g. "Downtime cost calculator". */
	title: string;
	/** The page's heading and the paragraph under it. */
	heading: string;
	lede: string;
	/** One sentence for the tools index and the page's meta description. */
	description: string;
	/** The price data it needs, picked from the catalog; handed to the island, so plain data. */
	data(catalog: PriceCatalog): D;
	/** The price sheets its figures come from, for their dates and review status. */
	sheets(catalog: PriceCatalog): readonly PricedSheet[];
	fields(data: D): readonly Field[];
	presets: readonly Preset<V>[];
	/** The result as a document, for the CSV and Markdown exports. */
	document(values: V, data: D, url: string): ResultDocument;
	/** Named headline numbers guides quote with <Cost> and <CostTable>, e.g. { edge, serverless }. */
	figures(values: V, data: D): Record<string, Figure>;
	report: FullReportSpec<V, D>;
	estimate: EstimateSpec<V, D>;
}

/**
 * A registered calculator. Generic code (exports, report jobs, the tools index) sees it with the
 * defaults, as `Calculator`; its own view sees its inputs `V` and price data `D`.
 */
export interface Calculator<V extends FieldValues = FieldValues, D = unknown> {
	slug: string;
	title: string;
	heading: string;
	lede: string;
	description: string;
	/** Its page, e.g. "/tools/hosting"; exports are at `${path}.csv` and `${path}.md`. */
	path: string;
	presets: readonly Preset<V>[];
	data(catalog: PriceCatalog): D;
	sheets(catalog: PriceCatalog): readonly PricedSheet[];
	fields(catalog: PriceCatalog): readonly Field[];
	/** Reads and checks values (a URL, a form, stored job input); invalid ones fall back to defaults. */
	read(catalog: PriceCatalog, get: (name: string) => string | null): FieldState<V>;
	document(values: FieldValues, catalog: PriceCatalog, url: string): ResultDocument;
	figures(values: FieldValues, catalog: PriceCatalog): Record<string, Figure>;
	report: {
		title: string;
		columns: FullReportSpec<V, D>['columns'];
		step(values: FieldValues, level: number, catalog: PriceCatalog): FullReportRow[];
		summary(rows: readonly FullReportRow[], values: FieldValues, catalog: PriceCatalog): string[];
		sources(catalog: PriceCatalog): string[];
	};
	estimate: {
		kind: EstimateSpec<V, D>['kind'];
		options(values: FieldValues, catalog: PriceCatalog, level?: number): EstimateOption[];
		scenario(values: FieldValues, catalog: PriceCatalog): string;
	};
}

/**
 * What a full report and the CSV/Markdown exports need: a calculator, or anything priced like one
 * (the stack estimate). `pageQuery` gives the query string of its page for a set of values.
 */
export type ReportSubject = Pick<Calculator, 'slug' | 'title' | 'path' | 'read' | 'document' | 'report'> & {
	pageQuery?: (values: FieldValues) => string;
};

/** The page of a calculator. @example calculatorPath('hosting') // => '/tools/hosting' */
export const calculatorPath = (slug: string): string => `/tools/${slug}`;

/**
 * Turns a typed spec into the registry's uniform shape. Values reach `V` only through `read`,
 * which checks every field, so the one cast below is the schema's promise, not a guess.
 */
export function defineCalculator<V extends FieldValues, D>(spec: CalculatorSpec<V, D>): Calculator<V, D> {
	const typed = (values: FieldValues) => values as V;
	return {
		slug: spec.slug,
		title: spec.title,
		heading: spec.heading,
		lede: spec.lede,
		description: spec.description,
		path: calculatorPath(spec.slug),
		presets: spec.presets,
		data: (catalog) => spec.data(catalog),
		sheets: (catalog) => spec.sheets(catalog),
		fields: (catalog) => spec.fields(spec.data(catalog)),
		read: (catalog, get) => readFields<V>(spec.fields(spec.data(catalog)), get),
		document: (values, catalog, url) => spec.document(typed(values), spec.data(catalog), url),
		figures: (values, catalog) => spec.figures(typed(values), spec.data(catalog)),
		report: {
			title: spec.report.title,
			columns: spec.report.columns,
			step: (values, level, catalog) => spec.report.step(typed(values), level, spec.data(catalog)),
			summary: (rows, values, catalog) => spec.report.summary(rows, typed(values), spec.data(catalog)),
			sources: (catalog) => spec.report.sources(spec.data(catalog)),
		},
		estimate: {
			kind: spec.estimate.kind,
			options: (values, catalog, level = 1) =>
				spec.estimate.options(typed(values), spec.data(catalog), level),
			scenario: (values, catalog) => spec.estimate.scenario(typed(values), spec.data(catalog)),
		},
	};
}
