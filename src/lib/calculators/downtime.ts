import { z } from 'zod';

/** Availability targets the calculator offers, as fractions. */
export const SLA_TIERS = ['0.99', '0.999', '0.9995', '0.9999'] as const;

/** Hours in an average Gregorian year (365.2425 days) and month (a twelfth of it). */
export const HOURS_PER_YEAR = 365.2425 * 24;
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

const money = (description: string) =>
	z.coerce
		.number({ error: 'must be a number' })
		.finite()
		.nonnegative('must not be negative')
		.describe(description);

/** The downtime calculator's inputs, as they arrive from a form or a shared URL. */
export const DowntimeInputSchema = z.strictObject({
	revenuePerHour: money('Revenue earned per hour, in USD, e.g. 2000'),
	revenueAffectedPct: z.coerce
		.number({ error: 'must be a number' })
		.min(0, 'must be at least 0%')
		.max(100, 'must be at most 100%')
		.describe('Share of revenue lost while the service is down, in percent, e.g. 60'),
	idleStaffCostPerHour: money('Cost of staff who cannot work during an outage, USD per hour, e.g. 500'),
	recoveryCostPerHour: money('Cost of responding and cleaning up, USD per hour of outage, e.g. 300'),
	sla: z.enum(SLA_TIERS, { error: `must be one of ${SLA_TIERS.join(', ')}` }).describe('Availability target'),
});

export type DowntimeInput = z.infer<typeof DowntimeInputSchema>;

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
	const allowedHoursPerYear = round(errorBudget * HOURS_PER_YEAR, 2);
	return {
		costPerHourUsd: round(costPerHourUsd, 2),
		allowedMinutesPerMonth: round(errorBudget * HOURS_PER_MONTH * 60, 1),
		allowedHoursPerYear,
		expectedYearlyCostUsd: round(errorBudget * HOURS_PER_YEAR * costPerHourUsd, 2),
		errorBudget: round(errorBudget, 6),
	};
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
