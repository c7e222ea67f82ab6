import { describe, expect, it } from 'vitest';
import { isStale, reviewBy, staleNotice, staleSheets } from '~/lib/pricing/staleness';

const sheet = { id: 'llm-x', provider: 'X', name: 'API', asOf: new Date('2026-11-30'), reviewEveryDays: 90 };

describe('staleness', () => {
	it('puts the review date asOf plus the interval', () => {
		expect(reviewBy(sheet)).toBe('2027-02-28');
	});

	it('keeps a sheet fresh through its review date and stale from the day after', () => {
		expect(isStale(sheet, '2027-02-28')).toBe(false);
		expect(isStale(sheet, '2027-03-01')).toBe(true);
		expect(staleSheets([sheet], '2027-03-01')).toEqual([sheet]);
	});

	it('words the notice a reader sees on a stale price', () => {
		expect(staleNotice(sheet, '2027-02-28')).toBeUndefined();
		expect(staleNotice(sheet, '2027-03-01')?.message).toBe(
			"X API prices were last checked on 2026-11-30 and were due for a re-check by 2027-02-28: check the provider's page before relying on them.",
		);
	});
});
