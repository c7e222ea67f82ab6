/** How retries are spaced: exponential from `baseMs`, capped at `maxMs`, with full jitter. */
export interface BackoffPolicy {
	baseMs: number;
	maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * Delay before retry number `attempt` (1 for the first retry). "Full jitter": a random point
 * between 0 and the exponential ceiling, so many failing jobs do not retry in lockstep
 * (see the AWS Architecture Blog, "Exponential Backoff And Jitter"). `random` is injected.
 * @example retryDelayMs(3, { baseMs: 1000, maxMs: 60000 }, () => 0.5) // => 2000 (half of 4000)
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
	const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling * random());
}

/** The exponential ceilings for the first `attempts` retries, e.g. for docs and the operator console. */
export function backoffCeilingsMs(attempts: number, policy: BackoffPolicy): number[] {
	return Array.from({ length: attempts }, (_, index) => Math.min(policy.maxMs, policy.baseMs * 2 ** index));
}
