// Reliability run for the inquiry pipeline: many inquiries at once while the mock CRM fails a
// share of calls and has an outage, some clients retrying with the same Idempotency-Key. Waits
// for the queue to drain, then counts what was accepted, stored, delivered, duplicated, dead and
// lost. Usage: npm run bench:inquiries -- [--count 2000] [--concurrency 50] [--error-rate 0.2]
//   [--outage-seconds 20] [--retry-share 0.1] [--drain-timeout-seconds 600]
//   [--rounds 3] [--round-count 1000] [--skip-baseline]
// Before it, the accept path is compared with a bare Worker (tests/bench/bare-worker: one D1 insert
// and one queue send per request) under the same load: both run side by side and take turns, each
// round sending the same inquiries at the same concurrency to one, then the other, so a change in
// the machine's load hits both alike. The site there has a healthy CRM and its queue consumer at
// work, as in production; each round starts once its queue is drained. That CRM does not call the
// site's webhook back, so both Workers get the same requests and nothing else (the reliability
// run below has the callbacks). Printed: each round, then
// the medians and the site's throughput and p99 as ratios of the bare Worker's, against the
// targets (at least 0.7× its throughput, at most 1.5× its p99). --skip-baseline leaves it out.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockServices } from '../mocks/mock-services.ts';
import { ensureFreshBuild, ROOT } from '../../scripts/lib/build.ts';
import { queryLocalD1, startTestServer } from '../support/server.ts';

const { values: args } = parseArgs({
	options: {
		count: { type: 'string', default: '2000' },
		concurrency: { type: 'string', default: '50' },
		'error-rate': { type: 'string', default: '0.2' },
		'outage-seconds': { type: 'string', default: '20' },
		'retry-share': { type: 'string', default: '0.1' },
		'drain-timeout-seconds': { type: 'string', default: '600' },
		'skip-baseline': { type: 'boolean', default: false },
		rounds: { type: 'string', default: '3' },
		'round-count': { type: 'string', default: '1000' },
	},
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const ERROR_RATE = Number(args['error-rate']);
const OUTAGE_MS = Number(args['outage-seconds']) * 1000;
const RETRY_SHARE = Number(args['retry-share']);
const DRAIN_TIMEOUT_MS = Number(args['drain-timeout-seconds']) * 1000;
const ROUNDS = Number(args.rounds);
const ROUND_COUNT = Number(args['round-count']);

// Ports 4460-4469 (inspectors 9460-9469) are the bench's, apart from the test suites' servers.
const PORTS = {
	site: { port: 4460, inspectorPort: 9460 },
	bare: { port: 4461, inspectorPort: 9461 },
	mock: 4462,
	compareSite: { port: 4463, inspectorPort: 9463 },
	compareMock: 4464,
} as const;
const BARE_WORKER_DIR = 'tests/bench/bare-worker';
// The accept path must reach these multiples of the bare Worker's figures at 50 concurrent.
const TARGETS = { throughputRatio: 0.7, p99Ratio: 1.5 } as const;

const SECRETS = {
	crm: 'bench-crm-signing-secret',
	email: 'bench-email-api-key',
	operator: 'bench-operator-token-0123456789',
} as const;

const inquiry = (i: number) => ({
	name: `Bench Visitor ${i}`,
	email: `visitor-${i}@example.com`,
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: `Reliability run inquiry number ${i}: please sync me to the CRM exactly once.`,
	consent: true,
});

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs `send(0)` to `send(count - 1)`, `concurrency` at a time; returns the seconds it took. */
async function sendAll(count: number, concurrency: number, send: (i: number) => Promise<void>) {
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < count) await send(next++);
		}),
	);
	return (performance.now() - started) / 1000;
}

/** POSTs inquiry `i` as JSON, with its own Idempotency-Key, as every client in this bench does. */
const postInquiry = (url: string, i: number, keyPrefix = 'bench-key') =>
	fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `${keyPrefix}-${i}` },
		body: JSON.stringify(inquiry(i)),
	});

interface LoadFigures {
	/** POSTs answered per second over the send phase. */
	throughput: number;
	p50: number;
	p99: number;
	/** Answers other than 202. */
	refused: number;
}

const figures = (requests: number, seconds: number, latencies: number[], refused: number): LoadFigures => {
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		throughput: requests / seconds,
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		refused,
	};
};

/** Sends `count` inquiries to `url`, `concurrency` at a time, and measures the answers. */
async function load(url: string, count: number, keyPrefix: string): Promise<LoadFigures> {
	const latencies: number[] = [];
	let refused = 0;
	const seconds = await sendAll(count, CONCURRENCY, async (i) => {
		const started = performance.now();
		const response = await postInquiry(url, i, keyPrefix);
		latencies.push(performance.now() - started);
		await response.arrayBuffer();
		if (response.status !== 202) refused++;
	});
	return figures(count, seconds, latencies, refused);
}

/** Waits until the site's queue has no job queued, running or retrying; returns the seconds waited. */
async function drain(stateDir: string, timeoutMs: number): Promise<{ seconds: number; pending: number }> {
	const started = performance.now();
	let pending = Infinity;
	while (pending > 0 && performance.now() - started < timeoutMs) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		pending =
			queryLocalD1<{ n: number }>(
				stateDir,
				"SELECT count(*) AS n FROM jobs WHERE state IN ('queued', 'running', 'retrying')",
			)[0]?.n ?? 0;
	}
	return { seconds: (performance.now() - started) / 1000, pending };
}

const median = (values: number[]) =>
	percentile(
		[...values].sort((a, b) => a - b),
		50,
	);

/**
 * The accept path against the bare Worker, in alternating rounds on servers running side by
 * side: the bare Worker (fresh state) and the site with a healthy mock CRM of its own (so the
 * reliability run's accounting is untouched).
 */
async function compareWithBareWorker(): Promise<void> {
	const compareMock = await startMockServices({
		port: PORTS.compareMock,
		crmSigningSecret: SECRETS.crm,
		emailApiKey: SECRETS.email,
	});
	const site = await startTestServer({
		...PORTS.compareSite,
		migrate: true,
		vars: siteVars(compareMock.url),
	});
	const bare = await startTestServer({
		...PORTS.bare,
		migrate: true,
		config: `${BARE_WORKER_DIR}/wrangler.jsonc`,
		healthPath: '/',
	});
	try {
		const rounds: { bare: LoadFigures; site: LoadFigures }[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			const bareFigures = await load(bare.url, ROUND_COUNT, `round-${round}`);
			const siteFigures = await load(`${site.url}/api/inquiries`, ROUND_COUNT, `round-${round}`);
			const drained = await drain(site.stateDir, DRAIN_TIMEOUT_MS);
			rounds.push({ bare: bareFigures, site: siteFigures });
			console.log(
				`round ${round}: bare ${bareFigures.throughput.toFixed(0)} req/s, p99 ${bareFigures.p99.toFixed(0)} ms; ` +
					`Loadbearing ${siteFigures.throughput.toFixed(0)} req/s, p99 ${siteFigures.p99.toFixed(0)} ms ` +
					`(its queue drained ${drained.seconds.toFixed(0)} s later${drained.pending ? `, ${drained.pending} still pending` : ''})`,
			);
		}
		const medianOf = (pick: (round: (typeof rounds)[number]) => LoadFigures): LoadFigures => ({
			throughput: median(rounds.map((round) => pick(round).throughput)),
			p50: median(rounds.map((round) => pick(round).p50)),
			p99: median(rounds.map((round) => pick(round).p99)),
			refused: rounds.reduce((sum, round) => sum + pick(round).refused, 0),
		});
		printComparison(
			medianOf((round) => round.bare),
			medianOf((round) => round.site),
		);
	} finally {
		await bare.stop();
		await site.stop();
		await compareMock.stop();
		// wrangler bundles into .wrangler/ next to the config; not a place for stray build output.
		rmSync(join(ROOT, BARE_WORKER_DIR, '.wrangler'), { recursive: true, force: true });
	}
}

/** The site's variables for a run against `mockUrl`. */
const siteVars = (mockUrl: string): Record<string, string> => ({
	CRM_WEBHOOK_URL: `${mockUrl}/crm/leads`,
	CRM_SIGNING_SECRET: SECRETS.crm,
	EMAIL_API_URL: `${mockUrl}/email/send`,
	EMAIL_API_KEY: SECRETS.email,
	NOTIFY_EMAIL_TO: 'team@loadbearing.test',
	// Retries span the outage: 1, 2, 4, 8, 8, ... seconds over 10 attempts is about a minute.
	JOB_MAX_ATTEMPTS: '10',
	RETRY_BASE_SECONDS: '1',
	RETRY_MAX_SECONDS: '8',
	OUTBOUND_TIMEOUT_MS: '5000',
	// One machine sends everything, so the per-client limit is lifted for the run.
	RATE_LIMIT_MAX: String(COUNT * 10),
	INQUIRIES_PER_MINUTE: String(COUNT * 10),
	OPERATOR_TOKENS: `bench:${SECRETS.operator}`,
});

/** The comparison table, and whether the accept path meets the targets (printed, not the exit code). */
function printComparison(bare: LoadFigures, site: LoadFigures) {
	const throughputRatio = site.throughput / bare.throughput;
	const p99Ratio = site.p99 / bare.p99;
	const rows: [string, LoadFigures][] = [
		['bare Worker', bare],
		['Loadbearing', site],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	console.log(
		`\nAccept path vs bare Worker, medians of ${ROUNDS} rounds of ${ROUND_COUNT} inquiries, ${CONCURRENCY} at a time`,
	);
	console.log(
		`${''.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  refused`,
	);
	for (const [label, f] of rows)
		console.log(
			`${label.padEnd(width)}  ${f.throughput.toFixed(0).padStart(7)}  ${f.p50.toFixed(1).padStart(7)}  ` +
				`${f.p99.toFixed(1).padStart(7)}  ${f.refused}`,
		);
	const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');
	console.log(
		`throughput ratio (Loadbearing / bare)  ${throughputRatio.toFixed(2)}×  ` +
			`(target ≥ ${TARGETS.throughputRatio}×: ${verdict(throughputRatio >= TARGETS.throughputRatio)})`,
	);
	console.log(
		`p99 ratio (Loadbearing / bare)         ${p99Ratio.toFixed(2)}×  ` +
			`(target ≤ ${TARGETS.p99Ratio}×: ${verdict(p99Ratio <= TARGETS.p99Ratio)})\n`,
	);
}

ensureFreshBuild();
if (!args['skip-baseline']) await compareWithBareWorker();

const mock = await startMockServices({
	port: PORTS.mock,
	crmSigningSecret: SECRETS.crm,
	emailApiKey: SECRETS.email,
	// The site's port is fixed, so the CRM can be told where to call back before it starts.
	crmCallbackUrl: `http://127.0.0.1:${PORTS.site.port}/api/webhooks/crm`,
});
const server = await startTestServer({ ...PORTS.site, migrate: true, vars: siteVars(mock.url) });

try {
	mock.state.faults.crm = {
		...mock.state.faults.crm,
		errorRate: ERROR_RATE,
		outage: { from: Date.now(), until: Date.now() + OUTAGE_MS },
	};
	console.log(
		`Sending ${COUNT} inquiries, ${CONCURRENCY} at a time; CRM fails ${ERROR_RATE * 100}% of calls ` +
			`and is down for the first ${OUTAGE_MS / 1000} s; ${RETRY_SHARE * 100}% of clients retry with the same key.`,
	);

	const latencies: number[] = [];
	const accepted = new Map<string, string>(); // idempotency key -> inquiry id
	let refused = 0;
	const refusals = new Map<number, number>(); // status -> count
	let retryMismatches = 0;
	const send = async (i: number) => {
		const key = `bench-key-${i}`;
		const started = performance.now();
		const response = await postInquiry(`${server.url}/api/inquiries`, i);
		latencies.push(performance.now() - started);
		const body = (await response.json()) as { id?: string };
		if (response.status !== 202 || !body.id) {
			refused++;
			refusals.set(response.status, (refusals.get(response.status) ?? 0) + 1);
			if (refused <= 3) console.log(`refused with ${response.status}: ${JSON.stringify(body)}`);
			return;
		}
		accepted.set(key, body.id);
		if (Math.random() < RETRY_SHARE) {
			// The client did not see the answer and sends the same request again.
			const again = (await (await postInquiry(`${server.url}/api/inquiries`, i)).json()) as { id?: string };
			if (again.id !== body.id) retryMismatches++;
		}
	};
	const sendSeconds = await sendAll(COUNT, CONCURRENCY, send);

	// Wait until no job is queued, running or retrying.
	const drainStarted = performance.now();
	let pending = Infinity;
	while (pending > 0 && performance.now() - drainStarted < DRAIN_TIMEOUT_MS) {
		await new Promise((resolve) => setTimeout(resolve, 3000));
		pending =
			queryLocalD1<{ n: number }>(
				server.stateDir,
				"SELECT count(*) AS n FROM jobs WHERE state IN ('queued', 'running', 'retrying')",
			)[0]?.n ?? 0;
	}
	const drainSeconds = (performance.now() - drainStarted) / 1000;

	const stored =
		queryLocalD1<{ n: number }>(server.stateDir, 'SELECT count(*) AS n FROM inquiries')[0]?.n ?? 0;
	const storedTwice =
		queryLocalD1<{ n: number }>(
			server.stateDir,
			'SELECT count(*) AS n FROM (SELECT idempotency_key FROM inquiries GROUP BY idempotency_key HAVING count(*) > 1)',
		)[0]?.n ?? 0;
	const crmJobs = queryLocalD1<{ state: string; n: number }>(
		server.stateDir,
		"SELECT state, count(*) AS n FROM jobs WHERE kind = 'crm.sync' GROUP BY state",
	);
	const crmAttempts =
		queryLocalD1<{ n: number }>(
			server.stateDir,
			"SELECT sum(attempt) AS n FROM jobs WHERE kind = 'crm.sync'",
		)[0]?.n ?? 0;
	const dead = crmJobs.find((row) => row.state === 'dead')?.n ?? 0;
	const ids = new Set(accepted.values());
	const delivered = Object.keys(mock.state.leads).filter((id) => ids.has(id)).length;
	const crmCalls = mock.state.calls.filter((call) => call.service === 'crm');
	const duplicates = mock.state.unkeyed + (Object.keys(mock.state.leads).length - delivered);
	const lost = ids.size - delivered - dead;
	const sorted = [...latencies].sort((a, b) => a - b);

	const rows: [string, string | number][] = [
		['inquiries sent (unique keys)', COUNT],
		['accepted (202)', ids.size],
		[
			'refused',
			`${refused}${refused ? ` (${[...refusals].map(([status, n]) => `${n}× ${status}`).join(', ')})` : ''}`,
		],
		['client retries answered with another id', retryMismatches],
		['stored in D1', stored],
		['stored twice for one key', storedTwice],
		['delivered to CRM (one lead each)', delivered],
		['CRM calls made (including failed and repeated)', crmCalls.length],
		['CRM attempts recorded in jobs', crmAttempts],
		['repeats the CRM deduplicated by Idempotency-Key', mock.state.repeats],
		['duplicates at CRM', duplicates],
		['dead (gave up, recorded)', dead],
		['still pending after drain wait', pending],
		['lost', lost],
		['POST latency p50 (ms)', percentile(sorted, 50).toFixed(1)],
		['POST latency p95 (ms)', percentile(sorted, 95).toFixed(1)],
		['POST latency p99 (ms)', percentile(sorted, 99).toFixed(1)],
		['sending took (s)', sendSeconds.toFixed(1)],
		['queue drained in (s)', drainSeconds.toFixed(1)],
	];
	const width = Math.max(...rows.map(([label]) => label.length));
	for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
	// What an operator's Prometheus would scrape after the run (CRM callbacks may still be landing).
	await new Promise((resolve) => setTimeout(resolve, 2000));
	const metrics = await fetch(`${server.url}/api/metrics`, {
		headers: { authorization: `Bearer ${SECRETS.operator}` },
	});
	console.log(`\nGET /api/metrics (${metrics.status}):`);
	console.log(
		(await metrics.text())
			.split('\n')
			.filter((line) => line && !line.startsWith('#'))
			.join('\n'),
	);
	if (lost !== 0 || duplicates !== 0 || storedTwice !== 0 || retryMismatches !== 0) process.exitCode = 1;
} finally {
	await server.stop();
	await mock.stop();
}
