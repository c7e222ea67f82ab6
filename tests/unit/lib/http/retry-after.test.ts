import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryWaitMs } from '~/lib/http/retry-after';

const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('retryAfterMs', () => {
	it('reads seconds and HTTP dates', () => {
		expect(retryAfterMs('30', NOW, 600_000)).toBe(30_000);
		expect(retryAfterMs('Mon, 30 Nov 2026 12:01:00 GMT', NOW, 600_000)).toBe(60_000);
	});

	it('caps a long wait and treats a past date as no wait', () => {
		expect(retryAfterMs('86400', NOW, 600_000)).toBe(600_000);
		expect(retryAfterMs('Mon, 30 Nov 2026 11:00:00 GMT', NOW, 600_000)).toBe(0);
	});

	it('is null when there is nothing readable', () => {
		for (const header of [null, '', '  ', 'soon', '-5', '1.5'])
			expect(retryAfterMs(header, NOW, 600_000)).toBeNull();
	});
});

describe('retryWaitMs', () => {
	const policy = { baseMs: 1_000, maxMs: 60_000 };

	it('backs off with jitter when the server says nothing', () => {
		expect(retryWaitMs(3, null, policy, () => 0.5)).toBe(2_000);
		expect(retryWaitMs(3, null, policy, () => 0)).toBe(0);
	});

	it('waits at least as long as the server asked', () => {
		expect(retryWaitMs(1, 30_000, policy, () => 1)).toBe(30_000);
		expect(retryWaitMs(10, 5_000, policy, () => 1)).toBe(60_000);
	});
});
