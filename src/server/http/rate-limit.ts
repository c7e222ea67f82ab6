// Rate limits that hold under parallel bursts: each request adds one to a D1 counter in a single
// statement and reads the new count back, so of 50 requests racing for 5 places exactly 5 win
// (docs/decisions/0006-rate-limits-in-d1.md). Clients are counted by network, under a keyed hash.
import { hashClientIp } from '~/lib/inquiries/ip-hash';
import { clientNetwork, rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';
import type { RateLimitsRepo } from '../db/rate-limits-repo';

export interface RateLimit {
	max: number;
	windowMs: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one request against `key`'s limit; refused once the window's count passes `max`. */
export async function takeRateLimit(
	repo: Pick<RateLimitsRepo, 'increment'>,
	key: string,
	limit: RateLimit,
	now: number,
): Promise<RateLimitResult> {
	const { windowStart, resetAt } = rateLimitWindow(now, limit.windowMs);
	const count = await repo.increment(key, windowStart, resetAt);
	return count <= limit.max
		? { allowed: true }
		: { allowed: false, retryAfterSeconds: retryAfterSeconds(resetAt, now) };
}

/** A random salt for this isolate, used only when IP_HASH_SALT is unset (then limits are per isolate). */
let isolateSalt: string | undefined;

/**
 * The counter key for a client in one scope ("inquiry", "report"): a hash of its network (an
 * IPv6 /64, an IPv4 address) with the secret salt, so no counter holds an address and nobody can
 * compute a client's key. Requests with no client address share one key.
 */
export async function clientKey(scope: string, ip: string | null, salt: string | undefined): Promise<string> {
	if (!ip) return `${scope}:unknown`;
	isolateSalt ??= crypto.randomUUID();
	return `${scope}:${await hashClientIp(clientNetwork(ip), salt ?? isolateSalt)}`;
}
