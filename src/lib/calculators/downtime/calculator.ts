import { formatUsd } from '../../format/money.ts';
import { defineCalculator } from '../define.ts';
import { DOWNTIME_OPTION, estimateDowntime, SLA_OPTIONS, type DowntimeInput } from './compute.ts';
import { DOWNTIME_FIELDS, DOWNTIME_PRESETS } from './fields.ts';

const slaLabel = (sla: string) => SLA_OPTIONS.find((option) => option.value === sla)?.label ?? sla;

/** What downtime costs at each availability target; no price sheet, only the visitor's figures. */
export const downtimeCalculator = defineCalculator<DowntimeInput, null>({
	slug: 'downtime',
	title: 'Downtime cost calculator',
	heading: 'Downtime cost calculator',
	lede: 'What an hour of downtime costs, how much downtime each availability target allows, and what a year at that target costs.',
	description: 'What an hour of downtime costs, and what each availability target allows and costs per year.',
	data: () => null,
	sheets: () => [],
	fields: () => DOWNTIME_FIELDS,
	presets: DOWNTIME_PRESETS,
	document(values, _data, url) {
		const result = estimateDowntime(values);
		return {
			title: 'Downtime cost',
			summary: [
				`One hour down costs ${formatUsd(result.costPerHourUsd)} (revenue ${formatUsd(values.revenuePerHour)}/h × ${values.revenueAffectedPct}% lost, idle staff ${formatUsd(values.idleStaffCostPerHour)}/h, recovery ${formatUsd(values.recoveryCostPerHour)}/h).`,
				`At ${slaLabel(values.sla)}: ${result.allowedMinutesPerMonth} min a month, ${result.allowedHoursPerYear} h a year, ${formatUsd(result.expectedYearlyCostUsd)} a year.`,
			],
			table: {
				headers: ['Target', 'Down a month (min)', 'Down a year (h)', 'Yearly cost (USD)'],
				rows: SLA_OPTIONS.map((option) => {
					const tier = estimateDowntime({ ...values, sla: option.value });
					return [
						option.label,
						String(tier.allowedMinutesPerMonth),
						String(tier.allowedHoursPerYear),
						tier.expectedYearlyCostUsd.toFixed(2),
					];
				}),
			},
			sources: ['No price sheet: every figure comes from the inputs above.'],
			url,
		};
	},
	figures(values) {
		const result = estimateDowntime(values);
		return {
			perHour: { usd: result.costPerHourUsd, label: 'Cost of one hour down' },
			yearly: { usd: result.expectedYearlyCostUsd, label: 'Expected yearly cost of downtime' },
		};
	},
	report: {
		title: 'Full report: downtime cost across traffic levels and availability targets',
		columns: {
			driver: 'Revenue per hour (USD)',
			option: 'Availability target',
			detail: 'Downtime hours a year',
			usd: 'USD a year',
		},
		// Revenue grows with traffic; every availability target is priced at each level.
		step(values, level) {
			const scaled = { ...values, revenuePerHour: values.revenuePerHour * level };
			return SLA_OPTIONS.map((option) => {
				const result = estimateDowntime({ ...scaled, sla: option.value });
				return {
					level,
					driver: scaled.revenuePerHour,
					option: option.label,
					detail: String(result.allowedHoursPerYear),
					usd: result.expectedYearlyCostUsd,
				};
			});
		},
		summary: (rows) =>
			rows
				.filter((row) => row.level === 1)
				.map(
					(row) =>
						`At the scenario's revenue, ${row.option} availability allows ${row.detail} hours down a year, costing ${formatUsd(row.usd)}.`,
				),
		sources: () => ['Availability arithmetic only; no price sheets.'],
	},
	// An expected loss, not a bill: the estimate shows it beside the monthly spend.
	estimate: {
		kind: 'risk',
		options: (values, _data, level) => [
			{
				id: DOWNTIME_OPTION,
				label: `Downtime at ${slaLabel(values.sla)} availability`,
				provider: 'Downtime (expected loss)',
				usd:
					estimateDowntime({ ...values, revenuePerHour: values.revenuePerHour * level })
						.expectedYearlyCostUsd / 12,
			},
		],
		scenario: (values) =>
			`${formatUsd(values.revenuePerHour)} revenue an hour, ${slaLabel(values.sla)} availability target`,
	},
});
