// Fuzzes every public endpoint of the built Worker on local workerd (wrangler dev, the runtime a
// newcomer runs): malformed, oversized, wrongly typed and odd requests, from a seeded generator so
// a run can be repeated. Prints the count per status for each endpoint and every answer that
// breaks a promise: a 5xx, a dropped connection, an API error that is not the JSON problem
// shape, or a stack trace in a body. Target: none.
// Usage: npm run bench:fuzz -- [--per-endpoint 10000] [--concurrency 32] [--seed 1]
import { parseArgs } from 'node:util';
import { ensureFreshBuild } from '../../scripts/lib/build.ts';
import { startTestServer } from '../support/server.ts';

const { values: args } = parseArgs({
	options: {
		'per-endpoint': { type: 'string', default: '10000' },
		concurrency: { type: 'string', default: '32' },
		seed: { type: 'string', default: '1' },
	},
});
const PER_ENDPOINT = Number(args['per-endpoint']);
const CONCURRENCY = Number(args.concurrency);

/** mulberry32: a small seeded generator, so a failing request can be made again. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
	return { next, pick };
}
const random = generator(Number(args.seed));

const ENDPOINTS = [
	'/api/inquiries',
	'/api/reports',
	'/api/price',
	'/api/price/models',
	'/api/heartbeats',
	'/api/heartbeats/hb_0000',
	'/api/jobs/job_00000000000000000000000000000000',
	'/api/webhooks/crm',
	'/api/health',
	'/api/metrics',
	'/api/no-such-endpoint',
	'/contact',
	'/tools/hosting.csv',
	'/tools/database.md',
	'/reports/job_0.csv',
] as const;

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'application/x-www-form-urlencoded',
	'text/plain',
	'multipart/form-data; boundary=x',
	'application/xml',
	'',
	'application/json; charset=latin1',
	'APPLICATION/JSON',
] as const;

const deep = (depth: number): string => (depth === 0 ? '1' : `{"a":${deep(depth - 1)}}`);
const BODIES: readonly (() => BodyInit | undefined)[] = [
	() => undefined,
	() => 'null',
	() => '[]',
	() => '[1,2,3]',
	() => '"text"',
	() => '42',
	() => 'true',
	() => '{',
	() => '{"name":',
	() => '{}',
	() => JSON.stringify({ name: 'x'.repeat(10_000), email: 7, consent: 'yes', values: null }),
	() => JSON.stringify({ calculator: 'hosting', values: { requests: -1, cpuMsPerRequest: 'NaN' } }),
	() => JSON.stringify({ calculator: { $gt: '' }, values: [1, 2] }),
	() => JSON.stringify({ product: 'llm', usage: { model: '../../etc/passwd', inputTokens: 1e308 } }),
	() => JSON.stringify({ product: '__proto__', usage: { constructor: { prototype: {} } } }),
	() => JSON.stringify({ id: 'evt_1', type: 'lead.created', data: { reference: null } }),
	() => deep(200),
	() => 'name=a&email=b&consent=on&formToken=x.y&website=',
	() => 'a=%E0%A4%A&b=%ZZ',
	() => 'x'.repeat(70_000),
	() => new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x22]),
	() => new Uint8Array(Array.from({ length: 512 }, () => Math.floor(random.next() * 256))),
	() =>
		new ReadableStream<Uint8Array>({
			start(controller) {
				for (let i = 0; i < 40; i++)
					controller.enqueue(new TextEncoder().encode('{"chunk":"' + 'y'.repeat(2000) + '"},'));
				controller.close();
			},
		}),
];
const EXTRA_HEADERS: readonly Record<string, string>[] = [
	{},
	{ 'idempotency-key': 'short' },
	{ 'idempotency-key': 'x'.repeat(300) },
	{ 'idempotency-key': 'ok-key-123456' },
	{ origin: 'https://attacker.example' },
	{ 'cf-connecting-ip': '2001:db8::1' },
	{ 'cf-connecting-ip': 'not-an-ip' },
	{ authorization: 'Bearer wrong' },
	{ authorization: 'Basic !!!' },
	{ 'x-loadbearing-signature': 't=1,v1=00' },
	{ 'if-none-match': '"*"' },
	{ accept: 'text/html' },
];

type Finding = { endpoint: string; method: string; status: number | 'dropped'; detail: string };
const counts = new Map<string, Map<string, number>>();
const findings: Finding[] = [];

async function one(endpoint: string, base: string) {
	const method = random.pick(METHODS);
	const body = method === 'GET' || method === 'HEAD' ? undefined : random.pick(BODIES)();
	const contentType = random.pick(CONTENT_TYPES);
	const headers: Record<string, string> = { ...random.pick(EXTRA_HEADERS) };
	if (contentType) headers['content-type'] = contentType;
	const path =
		random.next() < 0.2 ? `${endpoint}?q=${encodeURIComponent('<script>' + random.next())}` : endpoint;
	let status: number | 'dropped';
	let detail = '';
	try {
		const response = await fetch(`${base}${path}`, {
			method,
			headers,
			body,
			redirect: 'manual',
			...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
		} as RequestInit);
		status = response.status;
		const text = method === 'HEAD' ? '' : await response.text();
		const isApi = endpoint.startsWith('/api/') && endpoint !== '/api/metrics';
		if (status >= 500) detail = text.slice(0, 160);
		else if (/\n\s+at [\w$.<>]+ \(|Error: Network connection lost/.test(text))
			detail = `stack or proxy error: ${text.slice(0, 160)}`;
		else if (isApi && status >= 400 && method !== 'HEAD' && !/^\{"error":\{"code":/.test(text))
			detail = `API error not in the problem shape: ${text.slice(0, 120)}`;
	} catch (error) {
		status = 'dropped';
		detail = String((error as Error).cause ?? error).slice(0, 160);
	}
	const perEndpoint = counts.get(endpoint) ?? new Map<string, number>();
	perEndpoint.set(String(status), (perEndpoint.get(String(status)) ?? 0) + 1);
	counts.set(endpoint, perEndpoint);
	if (detail || status === 'dropped' || (typeof status === 'number' && status >= 500))
		findings.push({ endpoint, method, status, detail });
}

ensureFreshBuild();
const server = await startTestServer({
	port: 4461,
	migrate: true,
	vars: {
		OPERATOR_TOKENS: 'fuzz:fuzz-operator-token-0123456789',
		CRM_SIGNING_SECRET: 'fuzz-crm-secret',
		FORM_TOKEN_SECRET: 'fuzz-form-secret',
		RATE_LIMIT_MAX: '1000000',
		INQUIRIES_PER_MINUTE: '1000000',
		REPORTS_PER_MINUTE: '1000000',
		REPORT_LIMIT_MAX: '1000000',
	},
});
const started = performance.now();
try {
	for (const endpoint of ENDPOINTS) {
		let sent = 0;
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (sent < PER_ENDPOINT) {
					sent++;
					await one(endpoint, server.url);
				}
			}),
		);
		const tally = [...(counts.get(endpoint) ?? [])]
			.sort()
			.map(([status, n]) => `${status}: ${n}`)
			.join(', ');
		console.log(`${endpoint.padEnd(48)} ${tally}`);
	}
} finally {
	await server.stop();
}
const total = ENDPOINTS.length * PER_ENDPOINT;
console.log(
	`\n${total} requests in ${Math.round((performance.now() - started) / 1000)} s; ${findings.length} broke a promise (target: 0).`,
);
for (const finding of findings.slice(0, 50))
	console.log(`  ${finding.status} ${finding.method} ${finding.endpoint}: ${finding.detail}`);
if (findings.length > 50) console.log(`  … and ${findings.length - 50} more`);
process.exitCode = findings.length === 0 ? 0 : 1;
