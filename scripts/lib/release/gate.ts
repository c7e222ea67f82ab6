/**
 * The release gate: the version under test must answer /api/health with 200 and serve a round
 * of ordinary requests with an error rate at or below the limit. Probes reach that version
 * alone through Cloudflare's version-override header, whatever the traffic split, so a gate at
 * 10 % judges the new code and not the 90 % still on the old one.
 */

/** Paths a visitor and a monitor hit most: pages, a tool, the API's health and the feeds. */
export const GATE_PATHS = [
	'/',
	'/guides/',
	'/tools/hosting',
	'/contact',
	'/status',
	'/api/health',
	'/sitemap.xml',
	'/rss.xml',
] as const;

export interface GatePolicy {
	/** Requests per gate, spread over GATE_PATHS. */
	probes: number;
	/** Highest share of probes that may fail (5xx, network error or timeout). */
	maxErrorRate: number;
	timeoutMs: number;
}

/** 100 probes, so one failure is 1 %: the limit. Two failures stop the rollout. */
export const DEFAULT_GATE_POLICY: GatePolicy = { probes: 100, maxErrorRate: 0.01, timeoutMs: 10_000 };

export interface ProbeOutcome {
	path: string;
	/** HTTP status, or undefined when the request failed or timed out. */
	status?: number;
	error?: string;
}

export interface GateVerdict {
	passed: boolean;
	healthStatus?: number | undefined;
	probes: number;
	errors: number;
	errorRate: number;
	reasons: string[];
}

const isError = (outcome: ProbeOutcome) => outcome.status === undefined || outcome.status >= 500;

/** Judges one gate from the health answer and the probes' outcomes. */
export function judgeGate(health: ProbeOutcome, outcomes: ProbeOutcome[], policy: GatePolicy): GateVerdict {
	const errors = outcomes.filter(isError);
	const errorRate = outcomes.length === 0 ? 1 : errors.length / outcomes.length;
	const reasons: string[] = [];
	if (health.status !== 200)
		reasons.push(`/api/health answered ${health.status ?? health.error ?? 'nothing'}, not 200`);
	if (errorRate > policy.maxErrorRate) {
		const examples = errors
			.slice(0, 3)
			.map((outcome) => `${outcome.path} → ${outcome.status ?? outcome.error}`)
			.join(', ');
		reasons.push(
			`error rate ${formatPercent(errorRate)} (${errors.length} of ${outcomes.length}) is above ${formatPercent(policy.maxErrorRate)}: ${examples}`,
		);
	}
	return {
		passed: reasons.length === 0,
		healthStatus: health.status,
		probes: outcomes.length,
		errors: errors.length,
		errorRate,
		reasons,
	};
}

export function formatPercent(ratio: number): string {
	return `${(ratio * 100).toFixed(ratio < 0.1 && ratio > 0 ? 1 : 0)} %`;
}

/**
 * `Cloudflare-Workers-Version-Overrides` is a structured-field dictionary: the Worker's name
 * as key, the version id as a string (developers.cloudflare.com/workers/versions-and-deployments/version-overrides/).
 */
export function versionOverrideHeader(workerName: string, versionId: string): Record<string, string> {
	if (!/^[a-z*][a-z0-9_.*-]*$/.test(workerName)) throw new Error(`"${workerName}" is not a dictionary key`);
	if (!/^[\w-]+$/.test(versionId)) throw new Error(`"${versionId}" is not a version id`);
	return { 'Cloudflare-Workers-Version-Overrides': `${workerName}="${versionId}"` };
}

async function probe(url: string, path: string, headers: Record<string, string>, timeoutMs: number) {
	try {
		const response = await fetch(new URL(path, url), { headers, signal: AbortSignal.timeout(timeoutMs) });
		await response.arrayBuffer();
		return { path, status: response.status };
	} catch (error) {
		return { path, error: error instanceof Error ? error.name : String(error) };
	}
}

/** Runs one gate against `baseUrl`: health first, then the probes, eight at a time. */
export async function runGate(
	baseUrl: string,
	headers: Record<string, string>,
	policy: GatePolicy = DEFAULT_GATE_POLICY,
): Promise<GateVerdict> {
	const health = await probe(baseUrl, '/api/health', headers, policy.timeoutMs);
	const outcomes: ProbeOutcome[] = [];
	for (let sent = 0; sent < policy.probes; sent += GATE_PATHS.length) {
		const round = GATE_PATHS.slice(0, Math.min(GATE_PATHS.length, policy.probes - sent));
		outcomes.push(
			...(await Promise.all(round.map((path) => probe(baseUrl, path, headers, policy.timeoutMs)))),
		);
	}
	return judgeGate(health, outcomes, policy);
}
