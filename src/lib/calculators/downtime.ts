import type { Field } from './fields.ts';

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

/** The downtime calculator's inputs. */
export const DOWNTIME_FIELDS: readonly Field[] = [
	{
		kind: 'number',
		name: 'revenuePerHour',
		label: 'Revenue per hour',
		unit: 'USD',
		hint: 'What the product earns in an average hour.',
		default: 2000,
		min: 0,
	},
	{
		kind: 'number',
		name: 'revenueAffectedPct',
		label: 'Revenue lost while down',
		unit: '%',
		hint: 'Share of that revenue that does not come back later.',
		default: 60,
		min: 0,
		max: 100,
	},
	{
		kind: 'number',
		name: 'idleStaffCostPerHour',
		label: 'Idle staff cost',
		unit: 'USD per hour',
		hint: 'People who cannot work during an outage, times their hourly cost.',
		default: 500,
		min: 0,
	},
	{
		kind: 'number',
		name: 'recoveryCostPerHour',
		label: 'Recovery cost',
		unit: 'USD per hour of outage',
		hint: 'Responders, support, credits and clean-up.',
		default: 300,
		min: 0,
	},
	{
		kind: 'choice',
		name: 'sla',
		label: 'Availability target',
		hint: 'The share of time the service must be up.',
		options: SLA_OPTIONS,
		default: '0.999',
	},
];

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

/** Starting points for common kinds of business. */
export const DOWNTIME_PRESETS: readonly { id: string; label: string; values: Partial<DowntimeInput> }[] = [
	{
		id: 'online-shop',
		label: 'Online shop',
		values: {
			revenuePerHour: 5000,
			revenueAffectedPct: 70,
			idleStaffCostPerHour: 300,
			recoveryCostPerHour: 400,
			sla: '0.999',
		},
	},
	{
		id: 'b2b-saas',
		label: 'B2B SaaS',
		values: {
			revenuePerHour: 1500,
			revenueAffectedPct: 20,
			idleStaffCostPerHour: 2500,
			recoveryCostPerHour: 800,
			sla: '0.9995',
		},
	},
	{
		id: 'internal-tool',
		label: 'Internal tool',
		values: {
			revenuePerHour: 0,
			revenueAffectedPct: 0,
			idleStaffCostPerHour: 4000,
			recoveryCostPerHour: 300,
			sla: '0.99',
		},
	},
];
