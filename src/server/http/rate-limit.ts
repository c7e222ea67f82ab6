// Rate limits that hold under parallel bursts: each request adds one to a D1 counter in a single
// statement and reads the new count back, so of 50 requests racing for 5 places exactly 5 win
// (docs/decisions/0006-rate-limits-in-d1.md). Clients are counted by network, under a keyed hash.
import { hashClientIp } from '~/lib/inquiries/ip-hash';
import { clientNetwork, rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';
import type { CounterGuard, RateLimitsRepo } from '../db/rate-limits-repo';

export interface RateLimit {
	max: number;
	windowMs: number;
}

/** A limit on one counter, e.g. one client's inquiries or the whole site's. */
export interface KeyedLimit extends RateLimit {
	key: string;
}

export type LimitsVerdict =
	{ allowed: true } | { allowed: false; refusedBy: number; retryAfterSeconds: number };

/**
 * Counts one request against several limits in the order given, as statements for one D1
 * batch: each counter moves only while the ones before it allow the request, so a client the
 * per-client limit refuses does not use up the site-wide one. `guards` lets a later statement
 * in the same batch act only for an allowed request; `verdict` reads the counts back.
 */
export function countRequest(
	repo: Pick<RateLimitsRepo, 'incrementStatement'>,
	limits: readonly KeyedLimit[],
	now: number,
) {
	const windows = limits.map((limit) => ({ ...limit, ...rateLimitWindow(now, limit.windowMs) }));
	const guards: CounterGuard[] = windows.map(({ key, windowStart, max }) => ({ key, windowStart, max }));
	const statements = windows.map((window, index) =>
		repo.incrementStatement(window.key, window.windowStart, window.resetAt, guards.slice(0, index)),
	);
	/** The first limit that refused the request, from the counts the statements returned. */
	const verdict = (results: readonly D1Result<unknown>[]): LimitsVerdict => {
		for (const [index, window] of windows.entries()) {
			const count = (results[index]?.results[0] as { count?: number } | undefined)?.count;
			if (count === undefined || count > window.max)
				return {
					allowed: false,
					refusedBy: index,
					retryAfterSeconds: retryAfterSeconds(window.resetAt, now),
				};
		}
		return { allowed: true };
	};
	return { statements, guards, verdict };
}

/** Counts one request against `limits` in one round trip (see countRequest). */
export async function takeRateLimits(
	db: Pick<D1Database, 'batch'>,
	repo: Pick<RateLimitsRepo, 'incrementStatement'>,
	limits: readonly KeyedLimit[],
	now: number,
): Promise<LimitsVerdict> {
	const counted = countRequest(repo, limits, now);
	return counted.verdict(await db.batch(counted.statements));
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
