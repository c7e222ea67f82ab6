const LONG = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC',
});

/**
 * A date as readers see it on the site.
 * @example formatDate(new Date('2026-03-01')) // => '1 March 2026'
 */
export function formatDate(date: Date): string {
	return LONG.format(date);
}

/**
 * The machine-readable form for `<time datetime>`.
 * @example toIsoDate(new Date('2026-03-01T10:00:00Z')) // => '2026-03-01'
 */
export function toIsoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/**
 * A moment to the second, in UTC, for operators reading logs side by side.
 * @example formatDateTime(Date.UTC(2026, 10, 22, 9, 5, 7)) // => '2026-11-22 09:05:07 UTC'
 */
export function formatDateTime(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
