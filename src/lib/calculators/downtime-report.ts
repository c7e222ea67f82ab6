import { formatUsd } from '../format/money.ts';
import { estimateDowntime, SLA_OPTIONS, type DowntimeInput } from './downtime.ts';
import type { Report } from './report.ts';

/** The downtime calculator's result as a report, for CSV and Markdown export. */
export function downtimeReport(values: DowntimeInput, url: string): Report {
	const result = estimateDowntime(values);
	return {
		title: 'Downtime cost',
		summary: [
			`One hour down costs ${formatUsd(result.costPerHourUsd)} (revenue ${formatUsd(values.revenuePerHour)}/h × ${values.revenueAffectedPct}% lost, idle staff ${formatUsd(values.idleStaffCostPerHour)}/h, recovery ${formatUsd(values.recoveryCostPerHour)}/h).`,
			`At ${SLA_OPTIONS.find((o) => o.value === values.sla)?.label ?? values.sla}: ${result.allowedMinutesPerMonth} min a month, ${result.allowedHoursPerYear} h a year, ${formatUsd(result.expectedYearlyCostUsd)} a year.`,
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
}
