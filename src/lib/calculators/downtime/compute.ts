/** The one option a stack estimate prices: the availability target as set. */
export const DOWNTIME_OPTION = 'target';

/** Hours in an average Gregorian year (365.2425 days) and month (a twelfth of it). */
export const HOURS_PER_YEAR = 365.2425 * 24;
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

/** Availability targets the calculator offers. */
export const SLA_OPTIONS = [
	{ value: '0.99', label: '99%' },
	{ value: '0.999', label: '99.9%' },
	{ value: '0.9995', label: '99.95%' },
	{ value: '0.9999', label: '99.99%' },
] as const;

export interface DowntimeInput {
	[name: string]: number | string | boolean;
	revenuePerHour: number;
	revenueAffectedPct: number;
	idleStaffCostPerHour: number;
	recoveryCostPerHour: number;
	sla: string;
}

export interface DowntimeResult {
	costPerHourUsd: number;
	allowedMinutesPerMonth: number;
	allowedHoursPerYear: number;
	/** What a year costs if downtime uses the whole error budget. */
	expectedYearlyCostUsd: number;
	/** The error budget as a share of time, e.g. 0.001 for 99.9%. */
	errorBudget: number;
}

/**
 * What downtime costs at an availability target, assuming outages use the whole error budget.
 * @example estimateDowntime({ revenuePerHour: 1000, revenueAffectedPct: 100, idleStaffCostPerHour: 0, recoveryCostPerHour: 0, sla: '0.999' }).allowedHoursPerYear // => 8.77
 */
export function estimateDowntime(input: DowntimeInput): DowntimeResult {
	const errorBudget = 1 - Number(input.sla);
	const costPerHourUsd =
		(input.revenuePerHour * input.revenueAffectedPct) / 100 +
		input.idleStaffCostPerHour +
		input.recoveryCostPerHour;
	return {
		costPerHourUsd: round(costPerHourUsd, 2),
		allowedMinutesPerMonth: round(errorBudget * HOURS_PER_MONTH * 60, 1),
		allowedHoursPerYear: round(errorBudget * HOURS_PER_YEAR, 2),
		expectedYearlyCostUsd: round(errorBudget * HOURS_PER_YEAR * costPerHourUsd, 2),
		errorBudget: round(errorBudget, 6),
	};
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
