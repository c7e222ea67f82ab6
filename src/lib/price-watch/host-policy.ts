// What the price watch allows itself per upstream host: how long one request may take, and how
// many requests the host gets in a window, counted across every job (GitHub, for one, allows a
// client without a token 60 REST requests an hour). Keyed by the upstream's own host, so the
// same limits hold locally, where requests reach the mock services through a proxy.

export interface HostLimit {
	maxRequests: number;
	windowMs: number;
}

export interface HostPolicy extends HostLimit {
	host: string;
	timeoutMs: number;
}

/** For hosts not listed: far above what a daily check of every sheet needs (about 25 requests). */
const DEFAULT_LIMIT: HostLimit = { maxRequests: 60, windowMs: 60_000 };

const POLICIES: Record<string, Partial<HostLimit> & { timeoutMs?: number }> = {
	// 60 an hour without a token, shared with anyone else on the address: keep 10 in hand.
	'api.github.com': { maxRequests: 50, windowMs: 3_600_000 },
	// The AmazonRDS offer file is tens of megabytes, read as it streams.
	'pricing.us-east-1.amazonaws.com': { timeoutMs: 120_000 },
};

/**
 * The policy for the host of `url`: its listed limits, then any `overrides` (settings), then
 * the defaults, with `defaultTimeoutMs` for hosts that set no timeout of their own.
 * @example hostPolicy('https://api.github.com/repos/a/b/commits', 10_000).maxRequests // => 50
 */
export function hostPolicy(
	url: string,
	defaultTimeoutMs: number,
	overrides: Readonly<Record<string, HostLimit>> = {},
): HostPolicy {
	const host = new URL(url).host;
	const listed = POLICIES[host];
	const limit = overrides[host];
	return {
		host,
		timeoutMs: listed?.timeoutMs ?? defaultTimeoutMs,
		maxRequests: limit?.maxRequests ?? listed?.maxRequests ?? DEFAULT_LIMIT.maxRequests,
		windowMs: limit?.windowMs ?? listed?.windowMs ?? DEFAULT_LIMIT.windowMs,
	};
}

/**
 * Limits written as a setting: `host=requests/seconds`, comma-separated.
 * @example parseHostLimits('models.dev=1/5') // => { 'models.dev': { maxRequests: 1, windowMs: 5000 } }
 * @throws Error naming the entry that is not written so.
 */
export function parseHostLimits(text: string): Record<string, HostLimit> {
	const limits: Record<string, HostLimit> = {};
	for (const entry of text
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)) {
		const match = /^([a-z0-9.-]+(?::\d+)?)=(\d+)\/(\d+)$/i.exec(entry);
		const [, host, requests, seconds] = match ?? [];
		if (!host || !Number(requests) || !Number(seconds))
			throw new Error(`"${entry}" is not host=requests/seconds, e.g. api.github.com=50/3600`);
		limits[host.toLowerCase()] = { maxRequests: Number(requests), windowMs: Number(seconds) * 1000 };
	}
	return limits;
}

/**
 * How a used-up limit reads in the job's log and on the console.
 * @example describeHostLimit({ host: 'api.github.com', maxRequests: 50, windowMs: 3_600_000, timeoutMs: 1 }) // => 'api.github.com: the price watch keeps to 50 requests per 3600 s, used up for now'
 */
export const describeHostLimit = (policy: HostPolicy): string =>
	`${policy.host}: the price watch keeps to ${policy.maxRequests} request${policy.maxRequests === 1 ? '' : 's'} per ${policy.windowMs / 1000} s, used up for now`;
