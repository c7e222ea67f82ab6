// Reliability run for the inquiry pipeline: many inquiries at once while the mock CRM fails a
// share of calls and has an outage, some clients retrying with the same Idempotency-Key. Waits
// for the queue to drain, then counts what was accepted, stored, delivered, duplicated, dead and
// lost. Usage: npm run bench:inquiries -- [--count 2000] [--concurrency 50] [--error-rate 0.2]
//   [--outage-seconds 20] [--retry-share 0.1] [--drain-timeout-seconds 600]
import { parseArgs } from 'node:util';
import { startMockServices } from '../mocks/mock-services.ts';
import { ensureFreshBuild } from '../../scripts/lib/build.ts';
import { queryLocalD1, startTestServer } from '../support/server.ts';

const { values: args } = parseArgs({
	options: {
		count: { type: 'string', default: '2000' },
		concurrency: { type: 'string', default: '50' },
		'error-rate': { type: 'string', default: '0.2' },
		'outage-seconds': { type: 'string', default: '20' },
		'retry-share': { type: 'string', default: '0.1' },
		'drain-timeout-seconds': { type: 'string', default: '600' },
	},
});
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const ERROR_RATE = Number(args['error-rate']);
const OUTAGE_MS = Number(args['outage-seconds']) * 1000;
const RETRY_SHARE = Number(args['retry-share']);
const DRAIN_TIMEOUT_MS = Number(args['drain-timeout-seconds']) * 1000;

const SECRETS = {
	crm: 'bench-crm-signing-secret',
	email: 'bench-email-api-key',
	admin: 'bench-admin-token',
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

ensureFreshBuild();
const mock = await startMockServices({
	port: 4496,
	crmSigningSecret: SECRETS.crm,
	emailApiKey: SECRETS.email,
	// The site's port is fixed, so the CRM can be told where to call back before it starts.
	crmCallbackUrl: 'http://127.0.0.1:4451/api/webhooks/crm',
});
const server = await startTestServer({
	port: 4451,
	migrate: true,
	vars: {
		CRM_WEBHOOK_URL: `${mock.url}/crm/leads`,
		CRM_SIGNING_SECRET: SECRETS.crm,
		EMAIL_API_URL: `${mock.url}/email/send`,
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
		ADMIN_TOKEN: SECRETS.admin,
	},
});

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
		const response = await fetch(`${server.url}/api/inquiries`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': key },
			body: JSON.stringify(inquiry(i)),
		});
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
			const again = (await (
				await fetch(`${server.url}/api/inquiries`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'idempotency-key': key },
					body: JSON.stringify(inquiry(i)),
				})
			).json()) as { id?: string };
			if (again.id !== body.id) retryMismatches++;
		}
	};
	let next = 0;
	const sendStarted = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < COUNT) await send(next++);
		}),
	);
	const sendSeconds = (performance.now() - sendStarted) / 1000;

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
		headers: { authorization: `Bearer ${SECRETS.admin}` },
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
