/**
 * The fixed window `now` falls in: when it started and when it ends.
 * @example rateLimitWindow(1_000_000, 600_000) // => { windowStart: 600_000, resetAt: 1_200_000 }
 */
export function rateLimitWindow(now: number, windowMs: number): { windowStart: number; resetAt: number } {
	const windowStart = Math.floor(now / windowMs) * windowMs;
	return { windowStart, resetAt: windowStart + windowMs };
}

/** Seconds until a window resets, for Retry-After (at least 1). */
export const retryAfterSeconds = (resetAt: number, now: number): number =>
	Math.max(1, Math.ceil((resetAt - now) / 1000));

/**
 * The part of an address that stands for one client: an IPv4 address whole, an IPv6 address's
 * first 64 bits, since one subscriber's network routinely holds 2^64 addresses to rotate
 * through. An IPv4 address written as IPv6 (::ffff:192.0.2.1) counts as the IPv4 address.
 * @example clientNetwork('2001:db8:1:2:aaaa::1') // => '2001:db8:1:2::/64'
 */
export function clientNetwork(ip: string): string {
	const address = ip.trim().toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (mapped) return mapped[1]!;
	if (!address.includes(':')) return address;
	const [head = '', tail] = address.split('::');
	const left = head === '' ? [] : head.split(':');
	const right = tail === undefined || tail === '' ? [] : tail.split(':');
	const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
	const prefix = groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16));
	return `${prefix.join(':')}::/64`;
}
