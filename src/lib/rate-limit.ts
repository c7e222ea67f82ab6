/**
 * The counter key for a client in the current fixed window, and when that window ends.
 * @example rateLimitWindow('abc', 1_000_000, 600_000) // => { key: 'rl:abc:1', resetAt: 1_200_000 }
 */
export function rateLimitWindow(
	client: string,
	now: number,
	windowMs: number,
): { key: string; resetAt: number } {
	const index = Math.floor(now / windowMs);
	return { key: `rl:${client}:${index}`, resetAt: (index + 1) * windowMs };
}

/** Seconds until a window resets, for Retry-After (at least 1). */
export const retryAfterSeconds = (resetAt: number, now: number): number =>
	Math.max(1, Math.ceil((resetAt - now) / 1000));
