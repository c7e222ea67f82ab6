// Every calculator, one line each. Pages, exports, embeds, report jobs and the tools index read
// this; adding a calculator is a folder beside this file and a line here (docs/architecture.md).
import { aiSpendCalculator } from './ai-spend/calculator.ts';
import { databaseCalculator } from './database/calculator.ts';
import type { Calculator } from './define.ts';
import { downtimeCalculator } from './downtime/calculator.ts';
import { hostingCalculator } from './hosting/calculator.ts';

export const CALCULATORS = {
	hosting: hostingCalculator,
	'ai-spend': aiSpendCalculator,
	database: databaseCalculator,
	downtime: downtimeCalculator,
} as const satisfies Record<string, Calculator>;

export type CalculatorSlug = keyof typeof CALCULATORS;
export const CALCULATOR_SLUGS = Object.keys(CALCULATORS) as [CalculatorSlug, ...CalculatorSlug[]];

/** Narrows any string to a known calculator slug. */
export const isCalculatorSlug = (slug: unknown): slug is CalculatorSlug =>
	typeof slug === 'string' && Object.hasOwn(CALCULATORS, slug);

/** The calculator with this slug, or undefined: callers answer 404 or 400, never another calculator. */
export function findCalculator(slug: unknown): Calculator | undefined {
	return isCalculatorSlug(slug) ? CALCULATORS[slug] : undefined;
}
