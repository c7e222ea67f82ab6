import { rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';

/**
 * Counts a client's requests in KV per fixed window. KV is eventually consistent, so the limit
 * is approximate under bursts from many locations: a brake on floods, not an exact quota.
 */
export async function takeRateLimit(
	kv: Pick<KVNamespace, 'get' | 'put'>,
	client: string,
	limit: { max: number; windowMs: number },
	now: number,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
	const { key, resetAt } = rateLimitWindow(client, now, limit.windowMs);
	const count = Number((await kv.get(key)) ?? 0);
	if (count >= limit.max) return { allowed: false, retryAfterSeconds: retryAfterSeconds(resetAt, now) };
	// KV needs a TTL of at least 60 s; the key name already changes with the window.
	await kv.put(key, String(count + 1), { expirationTtl: Math.max(60, Math.ceil(limit.windowMs / 1000)) });
	return { allowed: true };
}
