// Error-budget arithmetic for SLO guides: how much failure a target allows over a window, and
// how fast a burn rate spends it. Pure numbers, so guides quote figures that are worked out.

/** One multi-window, multi-burn-rate alert: fire when both windows burn faster than `burnRate`. */
export interface BurnRateAlert {
	/** How many times faster than "exactly on budget" the errors arrive. */
	burnRate: number;
	longWindowHours: number;
	shortWindowMinutes: number;
	/** Share of a 30-day budget spent by the time the long window fires, e.g. 0.02. */
	budgetSpent: number;
	action: 'page' | 'ticket';
}

/**
 * The SRE Workbook's recommended starting points for a 30-day SLO
 * (https://sre.google/workbook/alerting-on-slos/, "Multiwindow, Multi-Burn-Rate Alerts").
 */
export const WORKBOOK_BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
	{ burnRate: 14.4, longWindowHours: 1, shortWindowMinutes: 5, budgetSpent: 0.02, action: 'page' },
	{ burnRate: 6, longWindowHours: 6, shortWindowMinutes: 30, budgetSpent: 0.05, action: 'page' },
	{ burnRate: 1, longWindowHours: 72, shortWindowMinutes: 360, budgetSpent: 0.1, action: 'ticket' },
];

/**
 * The error budget of an availability target given in percent, as a share of time or requests.
 * @throws RangeError for a target outside (0, 100).
 * @example errorBudget(99.9) // => 0.001
 */
export function errorBudget(targetPercent: number): number {
	if (!(targetPercent > 0 && targetPercent < 100))
		throw new RangeError(`an availability target is a percentage between 0 and 100, not ${targetPercent}`);
	// Rounded so 100 - 99.9 reads as 0.1, not 0.09999999999999432.
	return Number(((100 - targetPercent) / 100).toPrecision(12));
}

/**
 * Minutes of full outage a target allows over a window of `days`.
 * @example allowedDowntimeMinutes(99.9, 30) // => 43.2
 */
export function allowedDowntimeMinutes(targetPercent: number, days: number): number {
	return Number((errorBudget(targetPercent) * days * 24 * 60).toPrecision(12));
}

/**
 * Hours until a burn rate spends the whole budget of a window of `days`.
 * @example hoursToExhaust(14.4, 30) // => 50
 */
export function hoursToExhaust(burnRate: number, days: number): number {
	if (!(burnRate > 0)) throw new RangeError(`a burn rate is a positive number, not ${burnRate}`);
	return (days * 24) / burnRate;
}

/**
 * Share of a window's budget a burn rate spends in `hours`.
 * @example budgetSpentIn(14.4, 1, 30) // => 0.02
 */
export function budgetSpentIn(burnRate: number, hours: number, days: number): number {
	return Number(((burnRate * hours) / (days * 24)).toPrecision(12));
}

/**
 * Availability of a request that needs every one of `parts` (serial dependencies multiply).
 * @example serialAvailability([99.9, 99.9, 99.9]) // => 99.7002999
 */
export function serialAvailability(parts: readonly number[]): number {
	const share = parts.reduce((product, part) => product * (part / 100), 1);
	return Number((share * 100).toPrecision(12));
}

/**
 * Availability of `copies` redundant replicas that fail independently: down only when all are.
 * @example redundantAvailability(99, 2) // => 99.99
 */
export function redundantAvailability(partPercent: number, copies: number): number {
	return Number(((1 - errorBudget(partPercent) ** copies) * 100).toPrecision(12));
}
