/** What to do after calling an outside service. */
export type DeliveryOutcome = 'success' | 'retry' | 'permanent-failure';

/**
 * Sorts an HTTP result: 2xx succeeded; 408, 429, 5xx and network errors or timeouts (status
 * `null`) are worth retrying; any other 4xx will fail the same way again, so it is permanent.
 * @example classifyResponse(429) // => 'retry'
 * @example classifyResponse(422) // => 'permanent-failure'
 */
export function classifyResponse(status: number | null): DeliveryOutcome {
	if (status === null) return 'retry';
	if (status >= 200 && status < 300) return 'success';
	if (status === 408 || status === 429 || status >= 500) return 'retry';
	return 'permanent-failure';
}
