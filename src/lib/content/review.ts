import { formatDate } from '../format/date.ts';

/**
 * Whether advice last checked at `reviewedAt` is due for review at `now`: after 12 months.
 * @example isReviewDue(new Date('2025-01-01'), new Date('2026-01-02')) // => true
 */
export function isReviewDue(reviewedAt: Date, now: Date): boolean {
	const due = new Date(reviewedAt);
	due.setUTCFullYear(due.getUTCFullYear() + 1);
	return now > due;
}

/** Something a guide's advice rests on, and the day it last changed. */
export interface ReviewDependency {
	kind: 'prices' | 'advisory';
	/** What a reader calls it, e.g. "Cloudflare Workers" or "CVE-2025-55182". */
	name: string;
	/** A price sheet's `asOf` (the day it was re-checked) or an advisory's `updated`. */
	changedOn: Date;
}

/**
 * Why a guide needs a fresh review, as sentences a reader can act on: a year since its review,
 * and each price sheet or advisory it relies on that changed after it. Empty when none applies.
 * @example reviewReasons(new Date('2026-11-30'), new Date('2026-12-10'), [{ kind: 'advisory', name: 'CVE-2025-55182', changedOn: new Date('2026-12-05') }])
 * // => ['advisory CVE-2025-55182 was updated on 5 December 2026']
 */
export function reviewReasons(
	reviewedAt: Date,
	now: Date,
	dependencies: readonly ReviewDependency[],
): string[] {
	const reasons = isReviewDue(reviewedAt, now) ? ['more than a year has passed'] : [];
	for (const dependency of dependencies) {
		if (dependency.changedOn <= reviewedAt) continue;
		reasons.push(
			dependency.kind === 'prices'
				? `the ${dependency.name} prices it uses were re-checked on ${formatDate(dependency.changedOn)}`
				: `advisory ${dependency.name} was updated on ${formatDate(dependency.changedOn)}`,
		);
	}
	return reasons;
}
