/** One row of an estimate, as the API and the calculators show it. */
export interface LineItem {
	id: string;
	label: string;
	/** Billable quantity, in `unit`s, after included and free usage. */
	quantity: number;
	unit: string;
	unitPriceUsd: number;
	usd: number;
	/** How the amount was worked out, in words and numbers, for "show the math". */
	formula: string;
}

/** Money to a millionth of a dollar: enough to keep sums exact for display in cents. */
export const roundUsd = (usd: number): number => Math.round(usd * 1e6) / 1e6;

// One formatter, built once: toLocaleString would build a new one on every call, and the
// calculators format thousands of numbers on each keystroke.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/** Plain number formatting for formulas (no currency symbol, grouped thousands). */
export const formatNumber = (value: number): string => NUMBER.format(value);
