import { describe, expect, it } from 'vitest';
import { clientNetwork, rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';

describe('rateLimitWindow', () => {
	it('puts requests in the same window together', () => {
		expect(rateLimitWindow(600_001, 600_000)).toEqual(rateLimitWindow(1_199_999, 600_000));
		expect(rateLimitWindow(600_001, 600_000)).toEqual({ windowStart: 600_000, resetAt: 1_200_000 });
	});

	it('starts a fresh window when the old one ends', () => {
		expect(rateLimitWindow(1_200_000, 600_000).windowStart).toBe(1_200_000);
	});
});

describe('retryAfterSeconds', () => {
	it('rounds up and never says zero', () => {
		expect(retryAfterSeconds(10_500, 10_000)).toBe(1);
		expect(retryAfterSeconds(10_000, 10_000)).toBe(1);
		expect(retryAfterSeconds(70_000, 10_000)).toBe(60);
	});
});

describe('clientNetwork', () => {
	it('counts every address of an IPv6 /64 as one client', () => {
		const network = clientNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
		expect(network).toBe('2001:db8:1:2::/64');
		expect(clientNetwork('2001:0db8:0001:0002::1')).toBe(network);
		expect(clientNetwork('2001:DB8:1:2:ffff::')).toBe(network);
		expect(clientNetwork('2001:db8:1:3::1')).not.toBe(network);
	});

	it('reads shortened forms and IPv4 written as IPv6', () => {
		expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
		expect(clientNetwork('2001:db8::')).toBe('2001:db8:0:0::/64');
		expect(clientNetwork('::ffff:192.0.2.1')).toBe('192.0.2.1');
		expect(clientNetwork(' 198.51.100.7 ')).toBe('198.51.100.7');
	});
});
