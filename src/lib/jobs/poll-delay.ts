/** How a watcher of a job paces its polls. */
export const POLL = { firstMs: 1000, maxMs: 15_000, growth: 1.5 } as const;

/**
 * The wait before the next poll: back to the first delay when the job moved (something is
 * happening), longer after each unchanged answer or error, never past the maximum, and never
 * sooner than the server's Retry-After hint (itself capped at the maximum).
 * @example nextPollDelay(1000, 'unchanged', 5) // => 5000
 * @example nextPollDelay(1000, 'changed', null) // => 1000
 */
export function nextPollDelay(
	previousMs: number,
	answer: 'changed' | 'unchanged' | 'error',
	retryAfterSeconds: number | null,
): number {
	const backoff =
		answer === 'changed'
			? POLL.firstMs
			: Math.min(POLL.maxMs, previousMs * (answer === 'error' ? POLL.growth * 2 : POLL.growth));
	const hint =
		retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) ? retryAfterSeconds * 1000 : 0;
	return Math.max(backoff, Math.min(hint, POLL.maxMs));
}
