import { formatUsd } from '../format/money.ts';
import { isoDay } from '../pricing/catalog.ts';
import type { FullReportRow } from './define.ts';

/**
 * The cheapest option at a traffic level, in words, e.g. "Cloudflare at $16.40" (with the
 * detail when options share a name, e.g. "Anthropic Claude Haiku 5.5 at $12.00").
 */
export function cheapestAt(rows: readonly FullReportRow[], level: number, withDetail = false): string {
	const best = rows
		.filter((row) => row.level === level)
		.reduce<FullReportRow | undefined>(
			(low, row) => (low === undefined || row.usd < low.usd ? row : low),
			undefined,
		);
	if (!best) return 'n/a';
	return `${best.option}${withDetail ? ` ${best.detail}` : ''} at ${formatUsd(best.usd)}`;
}

/** Where a sheet's prices come from, e.g. "AWS S3 Standard prices as of 2026-11-21: https://…". */
export const sheetSourceLine = (sheet: { provider: string; name: string; asOf: Date; source: string }) =>
	`${sheet.provider} ${sheet.name} prices as of ${isoDay(sheet.asOf)}: ${sheet.source}`;
