import { describe, expect, it } from 'vitest';
import { backoffCeilingsMs, DEFAULT_BACKOFF, retryDelayMs } from '~/lib/jobs/backoff';

describe('retryDelayMs', () => {
	it('doubles the ceiling with each attempt and picks a point below it (full jitter)', () => {
		const policy = { baseMs: 1000, maxMs: 60_000 };
		expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, () => 1))).toEqual([
			1000, 2000, 4000, 8000,
		]);
		expect(retryDelayMs(3, policy, () => 0.5)).toBe(2000);
		expect(retryDelayMs(3, policy, () => 0)).toBe(0);
	});

	it('never waits longer than the cap', () => {
		expect(retryDelayMs(30, { baseMs: 1000, maxMs: 60_000 }, () => 1)).toBe(60_000);
	});
});

describe('backoffCeilingsMs', () => {
	it('lists the default schedule: 2 s, 4 s, 8 s … capped at 10 minutes', () => {
		expect(backoffCeilingsMs(10, DEFAULT_BACKOFF)).toEqual([
			2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 600_000,
		]);
	});
});
