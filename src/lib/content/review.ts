/**
 * Whether advice last checked at `reviewedAt` is due for review at `now`: after 12 months.
 * @example isReviewDue(new Date('2025-01-01'), new Date('2026-01-02')) // => true
 */
export function isReviewDue(reviewedAt: Date, now: Date): boolean {
	const due = new Date(reviewedAt);
	due.setUTCFullYear(due.getUTCFullYear() + 1);
	return now > due;
}
