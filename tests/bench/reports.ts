// How long a full report takes: from the POST that starts it to the job's `succeeded`, and the
// worker's own time per attempt (from the delivery log). Runs the built Worker on local workerd.
// Usage: npm run bench:reports -- [--runs 5] [--parallel 20]
import { parseArgs } from 'node:util';
import { ensureFreshBuild } from '../../scripts/lib/build.ts';
import { queryLocalD1, startTestServer } from '../support/server.ts';

const { values: args } = parseArgs({
	options: { runs: { type: 'string', default: '5' }, parallel: { type: 'string', default: '20' } },
});
const RUNS = Number(args.runs);
const PARALLEL = Number(args.parallel);
const CALCULATORS = ['hosting', 'ai-spend', 'downtime'] as const;

ensureFreshBuild();
const server = await startTestServer({ port: 4461, migrate: true });

/** Starts a default report and resolves with its id and the milliseconds until it succeeded. */
async function timeReport(calculator: string): Promise<{ id: string; ms: number }> {
	const started = performance.now();
	const response = await fetch(`${server.url}/api/reports`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ calculator, values: {} }),
	});
	const { id, statusUrl } = (await response.json()) as { id: string; statusUrl: string };
	for (;;) {
		const job = (await (await fetch(server.url + statusUrl)).json()) as { state: string };
		if (job.state === 'succeeded') return { id, ms: performance.now() - started };
		if (job.state === 'failed' || job.state === 'dead') throw new Error(`Report ${id} ended ${job.state}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const workMs = (ids: string[]) =>
	queryLocalD1<{ ms: number }>(
		server.stateDir,
		`SELECT finished_at - started_at AS ms FROM job_attempts WHERE job_id IN (${ids.map((id) => `'${id}'`).join(',')})`,
	).map((row) => row.ms);

try {
	console.log(`Default report per calculator, ${RUNS} runs each, one at a time:`);
	for (const calculator of CALCULATORS) {
		const runs: { id: string; ms: number }[] = [];
		for (let run = 0; run < RUNS; run++) runs.push(await timeReport(calculator));
		console.log(
			`  ${calculator.padEnd(9)} click to ready: median ${median(runs.map((r) => r.ms)).toFixed(0)} ms; ` +
				`worker time per report: median ${median(workMs(runs.map((r) => r.id))).toFixed(0)} ms`,
		);
	}
	const started = performance.now();
	const burst = await Promise.all(
		Array.from({ length: PARALLEL }, (_, i) => timeReport(CALCULATORS[i % 3] ?? 'hosting')),
	);
	console.log(
		`${PARALLEL} reports started at once: all ready in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
			`(slowest ${Math.max(...burst.map((r) => r.ms)).toFixed(0)} ms).`,
	);
} finally {
	await server.stop();
}
