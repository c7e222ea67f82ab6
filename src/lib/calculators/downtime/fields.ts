import type { Field } from '../fields.ts';
import type { Preset } from '../presets.ts';
import { SLA_OPTIONS, type DowntimeInput } from './compute.ts';

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

/** Starting points for common kinds of business. */
export const DOWNTIME_PRESETS: readonly Preset<DowntimeInput>[] = [
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
