import { isoDay, type PriceCatalog } from '../pricing/catalog.ts';
import { isStale } from '../pricing/staleness.ts';
import type { Figure } from './define.ts';
import { defaultsOf, toQueryString } from './fields.ts';
import { CALCULATORS, CALCULATOR_SLUGS, isCalculatorSlug } from './registry.ts';

/** A figure a guide quotes, worked out by a calculator, with the link that reproduces it. */
export interface ScenarioFigure extends Figure {
	/** The calculator page with the same inputs, e.g. "/tools/hosting?requests=30000000&…". */
	href: string;
	/** When the sheets the calculator read were checked: one date, or the oldest to the newest. */
	asOf: string;
	/** Whether any of those sheets is past its review date. */
	stale: boolean;
}

/**
 * Works out a named figure of a calculator scenario at build time, as <Cost> and <CostTable> show
 * it. Values are read through the calculator's fields, so a wrong name or value stops the build
 * with the field named, instead of quietly using a default.
 * @throws Error naming the calculator, the field or the figure at fault.
 */
export function scenarioFigure(
	catalog: PriceCatalog,
	slug: string,
	values: Record<string, unknown>,
	figure: string,
): ScenarioFigure {
	if (!isCalculatorSlug(slug))
		throw new Error(`unknown calculator "${slug}". Use one of: ${CALCULATOR_SLUGS.join(', ')}`);
	const calculator = CALCULATORS[slug];
	const fields = calculator.fields(catalog);
	const known = new Set(fields.map((field) => field.name));
	const unknown = Object.keys(values).find((name) => !known.has(name));
	if (unknown) throw new Error(`${slug} has no input "${unknown}". Use: ${[...known].join(', ')}`);
	// Inputs left out take their defaults, toggles included (a URL would read a missing toggle as off).
	const full: Record<string, unknown> = { ...defaultsOf(fields), ...values };
	const state = calculator.read(catalog, (name) => (full[name] === undefined ? null : String(full[name])));
	const [field, message] = Object.entries(state.errors)[0] ?? [];
	if (field) throw new Error(`${slug} input ${field}: ${message}`);
	const figures = calculator.figures(state.values, catalog);
	const found = figures[figure];
	if (!found)
		throw new Error(`${slug} has no figure "${figure}". Use one of: ${Object.keys(figures).join(', ')}`);
	const sheets = calculator.sheets(catalog);
	const dates = sheets.map((sheet) => isoDay(sheet.asOf)).sort();
	return {
		...found,
		href: `${calculator.path}?${toQueryString(state.values)}`,
		asOf:
			dates.length === 0
				? catalog.today
				: dates[0] === dates.at(-1)
					? dates[0]!
					: `${dates[0]} to ${dates.at(-1)}`,
		stale: sheets.some((sheet) => isStale(sheet, catalog.today)),
	};
}
