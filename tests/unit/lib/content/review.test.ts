import { describe, expect, it } from 'vitest';
import { isReviewDue } from '~/lib/content/review';

describe('isReviewDue', () => {
	const reviewed = new Date('2025-03-01T00:00:00Z');

	it('is not due within twelve months', () => {
		expect(isReviewDue(reviewed, new Date('2026-03-01T00:00:00Z'))).toBe(false);
	});

	it('is due once twelve months have passed', () => {
		expect(isReviewDue(reviewed, new Date('2026-03-01T00:00:01Z'))).toBe(true);
	});
});
