// The price watch's own per-host request limits (src/lib/price-watch/host-policy.ts), counted in
// D1 like the site's other rate limits, so jobs running side by side share one count per host.
import type { HostPolicy } from '~/lib/price-watch/host-policy';
import { rateLimitWindow } from '~/lib/rate-limit';
import type { RateLimitsRepo } from '../db/rate-limits-repo';

/** Counts one request to `policy.host`; past its limit, says how long until the window ends. */
export async function takeHostSlot(
	repo: Pick<RateLimitsRepo, 'increment'>,
	policy: HostPolicy,
	now: number,
): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
	const { windowStart, resetAt } = rateLimitWindow(now, policy.windowMs);
	const count = await repo.increment(`upstream:${policy.host}`, windowStart, resetAt);
	return count <= policy.maxRequests ? { allowed: true } : { allowed: false, retryAfterMs: resetAt - now };
}
