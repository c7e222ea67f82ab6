import { retryDelayMs, type BackoffPolicy } from '../jobs/backoff.ts';

/**
 * How long a server asked us to wait, from its Retry-After header: whole seconds or an HTTP date
 * (RFC 9110, section 10.2.3), capped at `maxMs`. Null when there is none or it cannot be read;
 * a date in the past is no wait.
 * @example retryAfterMs('120', 0, 600_000) // => 120000
 */
export function retryAfterMs(header: string | null, now: number, maxMs: number): number | null {
	const value = header?.trim();
	if (!value) return null;
	// An HTTP date always names its month; JavaScript would also "parse" things like "-5".
	const wait = /^\d+$/.test(value)
		? Number(value) * 1000
		: /[A-Za-z]{3}/.test(value)
			? Date.parse(value) - now
			: NaN;
	if (Number.isNaN(wait)) return null;
	return Math.min(maxMs, Math.max(0, wait));
}

/**
 * How long until a used-up rate limit resets, from the headers GitHub sends with a 403 or 429:
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset` in epoch seconds. Null when the limit is
 * not used up, or the reset cannot be read.
 * @example rateLimitResetMs('0', '1800', 1_000_000) // => 799000
 */
export function rateLimitResetMs(remaining: string | null, reset: string | null, now: number): number | null {
	if (remaining?.trim() !== '0' || !/^\d+$/.test(reset?.trim() ?? '')) return null;
	return Math.max(0, Number(reset) * 1000 - now);
}

/**
 * The wait before retry number `attempt`: the jittered backoff, or longer when the server asked
 * for longer, so a 429 or 503 with Retry-After is never hit again too soon.
 * @example retryWaitMs(1, 30_000, { baseMs: 1000, maxMs: 60_000 }, () => 0.5) // => 30000
 */
export function retryWaitMs(
	attempt: number,
	serverAskedMs: number | null,
	policy: BackoffPolicy,
	random: () => number,
): number {
	return Math.max(serverAskedMs ?? 0, retryDelayMs(attempt, policy, random));
}
