/** Faults a mock service can be told to inject, through its control API. */
export interface FaultSettings {
	/** Share of requests (0 to 1) answered with 503. */
	errorRate: number;
	/** Extra delay before every answer, in ms. */
	latencyMs: number;
	/** Unix ms range during which every request gets 503, as in an outage. */
	outage: { from: number; until: number } | null;
	/** Answer the next N requests with 429 and Retry-After. */
	rateLimitNext: number;
	/** Answer the next N requests with 500, then recover. */
	failNext: number;
}

export const NO_FAULTS: FaultSettings = {
	errorRate: 0,
	latencyMs: 0,
	outage: null,
	rateLimitNext: 0,
	failNext: 0,
};

/** What the mock answers for one request under the current faults; it also counts down the "next N" faults. */
export function decideFault(
	faults: FaultSettings,
	now: number,
	random: () => number,
): { status: 200 | 429 | 500 | 503; faults: FaultSettings } {
	if (faults.outage && now >= faults.outage.from && now < faults.outage.until) return { status: 503, faults };
	if (faults.rateLimitNext > 0)
		return { status: 429, faults: { ...faults, rateLimitNext: faults.rateLimitNext - 1 } };
	if (faults.failNext > 0) return { status: 500, faults: { ...faults, failNext: faults.failNext - 1 } };
	if (faults.errorRate > 0 && random() < faults.errorRate) return { status: 503, faults };
	return { status: 200, faults };
}
