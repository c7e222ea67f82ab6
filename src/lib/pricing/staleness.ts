import { isoDay } from './catalog.ts';

/** The provenance every sheet carries, as far as staleness is concerned. */
export interface SheetDates {
	id: string;
	provider: string;
	name: string;
	asOf: Date;
	reviewEveryDays: number;
}

/**
 * The day a sheet's prices are due for a re-check: its asOf plus its review interval.
 * @example reviewBy({ asOf: new Date('2026-11-30'), reviewEveryDays: 90 }) // => '2027-02-28'
 */
export function reviewBy(sheet: Pick<SheetDates, 'asOf' | 'reviewEveryDays'>): string {
	return isoDay(new Date(sheet.asOf.getTime() + sheet.reviewEveryDays * 86_400_000));
}

/** Whether a sheet is past its review date on `today` (ISO date). */
export const isStale = (sheet: Pick<SheetDates, 'asOf' | 'reviewEveryDays'>, today: string): boolean =>
	reviewBy(sheet) < today;

/** The sheets among `sheets` that are past their review date on `today`. */
export const staleSheets = <S extends SheetDates>(sheets: readonly S[], today: string): S[] =>
	sheets.filter((sheet) => isStale(sheet, today));

/** A notice for a sheet past its review date, or none. */
export function staleNotice(
	sheet: Pick<SheetDates, 'provider' | 'name' | 'asOf' | 'reviewEveryDays'>,
	today: string,
): { code: 'stale-sheet'; message: string } | undefined {
	if (!isStale(sheet, today)) return undefined;
	return {
		code: 'stale-sheet',
		message: `${sheet.provider} ${sheet.name} prices were last checked on ${isoDay(sheet.asOf)} and were due for a re-check by ${reviewBy(sheet)}: check the provider's page before relying on them.`,
	};
}
