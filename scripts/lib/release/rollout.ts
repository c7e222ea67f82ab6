import type { GateVerdict } from './gate.ts';
import { formatPercent } from './gate.ts';

/** Where traffic goes: Cloudflare's versions in CI, two local Workers in the rehearsal. */
export interface RolloutTarget {
	/** Sends `percent` of traffic to the new version and the rest to the previous one. */
	shift: (percent: number) => Promise<void>;
	/** Sends all traffic back to the previous version. */
	rollBack: () => Promise<void>;
}

export interface RolloutPlan {
	/** Rising traffic shares for the new version, ending at 100. */
	steps: number[];
	/** How long each step serves traffic before its gate, so errors have time to show. */
	soakMs: number;
}

export const DEFAULT_ROLLOUT_PLAN: RolloutPlan = { steps: [10, 50, 100], soakMs: 120_000 };

export interface RolloutReport {
	outcome: 'promoted' | 'rolled-back';
	/** The step whose gate failed. */
	failedAt?: number;
	gates: { percent: number; verdict: GateVerdict }[];
}

export function parseSteps(text: string): number[] {
	const steps = text.split(',').map((step) => Number(step.trim()));
	const rising = steps.every(
		(step, i) => Number.isInteger(step) && step > 0 && step <= 100 && step > (steps[i - 1] ?? 0),
	);
	if (!rising || steps.at(-1) !== 100)
		throw new Error(`steps "${text}" must be rising whole percentages ending at 100, e.g. 10,50,100`);
	return steps;
}

export function describeVerdict(verdict: GateVerdict): string {
	const probes = `${verdict.errors} of ${verdict.probes} probes failed (${formatPercent(verdict.errorRate)})`;
	return verdict.passed
		? `gate passed: health ${verdict.healthStatus}, ${probes}`
		: `gate failed: ${verdict.reasons.join('; ')}`;
}

/**
 * Moves traffic step by step; after each step's soak the gate judges the new version. A failed
 * gate (or an error while shifting) sends all traffic back to the previous version.
 */
export async function rollOut(options: {
	plan: RolloutPlan;
	target: RolloutTarget;
	gate: () => Promise<GateVerdict>;
	log: (line: string) => void;
	sleep?: (ms: number) => Promise<void>;
}): Promise<RolloutReport> {
	const { plan, target, gate, log } = options;
	const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
	const gates: RolloutReport['gates'] = [];
	for (const percent of plan.steps) {
		let verdict: GateVerdict;
		try {
			await target.shift(percent);
			log(`${percent} % of traffic on the new version; soaking ${Math.round(plan.soakMs / 1000)} s`);
			await sleep(plan.soakMs);
			verdict = await gate();
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			verdict = { passed: false, probes: 0, errors: 0, errorRate: 0, reasons: [`step failed: ${reason}`] };
		}
		gates.push({ percent, verdict });
		log(`  ${describeVerdict(verdict)}`);
		if (!verdict.passed) {
			log(`rolling back: all traffic to the previous version`);
			await target.rollBack();
			return { outcome: 'rolled-back', failedAt: percent, gates };
		}
	}
	return { outcome: 'promoted', gates };
}
