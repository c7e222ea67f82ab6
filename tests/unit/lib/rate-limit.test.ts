import { describe, expect, it } from 'vitest';
import { rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';

describe('rateLimitWindow', () => {
	it('puts requests in the same window under one key', () => {
		const a = rateLimitWindow('ip', 600_001, 600_000);
		const b = rateLimitWindow('ip', 1_199_999, 600_000);
		expect(a).toEqual(b);
		expect(a).toEqual({ key: 'rl:ip:1', resetAt: 1_200_000 });
	});

	it('starts a fresh count when the window rolls over', () => {
		expect(rateLimitWindow('ip', 1_200_000, 600_000).key).toBe('rl:ip:2');
	});
});

describe('retryAfterSeconds', () => {
	it('rounds up and never says zero', () => {
		expect(retryAfterSeconds(10_500, 10_000)).toBe(1);
		expect(retryAfterSeconds(10_000, 10_000)).toBe(1);
		expect(retryAfterSeconds(70_000, 10_000)).toBe(60);
	});
});
