import { describe, expect, it } from 'vitest';
import { isReviewDue, reviewReasons } from '~/lib/content/review';

describe('isReviewDue', () => {
	const reviewed = new Date('2025-03-01T00:00:00Z');

	it('is not due within twelve months', () => {
		expect(isReviewDue(reviewed, new Date('2026-03-01T00:00:00Z'))).toBe(false);
	});

	it('is due once twelve months have passed', () => {
		expect(isReviewDue(reviewed, new Date('2026-03-01T00:00:01Z'))).toBe(true);
	});
});

describe('reviewReasons', () => {
	const reviewed = new Date('2026-11-30T00:00:00Z');
	const advisory = { kind: 'advisory' as const, name: 'CVE-2025-55182', changedOn: new Date('2026-12-05') };
	const prices = { kind: 'prices' as const, name: 'Cloudflare Workers', changedOn: new Date('2026-11-30') };

	it('is empty while nothing the guide relies on changed after its review', () => {
		expect(reviewReasons(reviewed, new Date('2026-12-01'), [prices])).toEqual([]);
	});

	it('names each price sheet or advisory that changed after the review', () => {
		const later = { ...prices, changedOn: new Date('2027-02-28') };
		expect(reviewReasons(reviewed, new Date('2027-03-01'), [advisory, later])).toEqual([
			'advisory CVE-2025-55182 was updated on 5 December 2026',
			'the Cloudflare Workers prices it uses were re-checked on 28 February 2027',
		]);
	});

	it('still asks for a review after a year with nothing changed', () => {
		expect(reviewReasons(reviewed, new Date('2027-12-01'), [])).toEqual(['more than a year has passed']);
	});
});
