import type { WatchStatus } from '../price-watch/drift.ts';
import type { MetricFamily } from './prometheus.ts';

/** One price sheet as the price watch last saw it (src/lib/price-watch/check.ts works out its status). */
export interface SheetWatchFigures {
	sheet: string;
	status: WatchStatus | 'unchecked';
	/** Open price and lifecycle differences. */
	openDrift: number;
	/** When it was last checked; null before the first check. Manual sheets are never checked. */
	checkedAt: number | null;
	manual: boolean;
}

const STATUSES: readonly (WatchStatus | 'unchecked')[] = [
	'ok',
	'drift',
	'stale',
	'source-changed',
	'failing',
	'unchecked',
];

/**
 * The price watch's gauges: open drift per sheet, how long ago each was checked (+Inf before the
 * first check, so an alert on age fires for a watch that never ran), and each sheet's status.
 */
export function priceWatchMetrics(sheets: readonly SheetWatchFigures[], now: number): MetricFamily[] {
	return [
		{
			name: 'loadbearing_price_sheet_drift',
			help: 'Open differences between a price sheet and its upstream (prices and model lifecycles).',
			type: 'gauge',
			samples: sheets.map((sheet) => ({ labels: { sheet: sheet.sheet }, value: sheet.openDrift })),
		},
		{
			name: 'loadbearing_price_sheet_check_age_seconds',
			help: 'Seconds since the price watch last checked a sheet against its upstream (+Inf: never).',
			type: 'gauge',
			samples: sheets
				.filter((sheet) => !sheet.manual)
				.map((sheet) => ({
					labels: { sheet: sheet.sheet },
					value:
						sheet.checkedAt === null
							? Number.POSITIVE_INFINITY
							: Math.max(0, Math.round((now - sheet.checkedAt) / 1000)),
				})),
		},
		{
			name: 'loadbearing_price_sheet_status',
			help: 'A price sheet watch status: 1 for the status it has, 0 for the others.',
			type: 'gauge',
			samples: sheets.flatMap((sheet) =>
				STATUSES.map((status) => ({
					labels: { sheet: sheet.sheet, status },
					value: sheet.status === status ? 1 : 0,
				})),
			),
		},
	];
}
