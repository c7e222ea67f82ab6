import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServices, type MockState } from '../mocks/mock-services';
import { queryLocalD1, startTestServer, type TestServer } from '../support/server';

// The price watch end to end on its own server: the daily cron records a job per sheet, the
// queue runs them against the mock upstreams (reached through PRICE_UPSTREAM_PROXY), and what
// differs is recorded and told to the team once.
const OPERATOR_TOKEN = 'price-watch-operator-token-0123';
const operatorAuth = { authorization: `Basic ${btoa(`ops:${OPERATOR_TOKEN}`)}` };
let server: TestServer;
/**
 * fetch, tried once more when a kept-alive connection is reset as it is reused (on a loaded CI
 * machine a server may close an idle socket just as the next request takes it), if it is safe to.
 */
async function fetch(input: string, init?: RequestInit): Promise<Response> {
	try {
		return await globalThis.fetch(input, init);
	} catch (error) {
		const code = (error as { cause?: { code?: string } }).cause?.code;
		// Only what is safe to send twice: reads, and the mock's settings (an acknowledgement is not).
		const repeatable = (init?.method ?? 'GET') === 'GET' || input.startsWith(mock.url);
		if (!repeatable || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET')) throw error;
		return globalThis.fetch(input, init);
	}
}
let mock: Awaited<ReturnType<typeof startMockServices>>;

beforeAll(async () => {
	mock = await startMockServices({ port: 4498, crmSigningSecret: 'crm-secret', emailApiKey: 'email-key' });
	server = await startTestServer({
		port: 4433,
		migrate: true,
		vars: {
			PRICE_UPSTREAM_PROXY: `${mock.url}/upstreams`,
			EMAIL_API_URL: `${mock.url}/email/send`,
			EMAIL_API_KEY: 'email-key',
			NOTIFY_EMAIL_TO: 'team@loadbearing.test',
			// Three: a retry that starts before a test ends a slow spell still leaves one to succeed.
			JOB_MAX_ATTEMPTS: '3',
			RETRY_BASE_SECONDS: '1',
			RETRY_MAX_SECONDS: '1',
			OUTBOUND_TIMEOUT_MS: '3000',
			OPERATOR_TOKENS: `ops:${OPERATOR_TOKEN}`,
			// Fewer than a run's GitHub requests (about 14), so some jobs must wait for the next window.
			PRICE_WATCH_HOST_LIMITS: 'api.github.com=8/5',
		},
	});
}, 60_000);
afterAll(async () => {
	await server?.stop();
	await mock?.stop();
});

const query = <Row>(sql: string) => queryLocalD1<Row>(server.stateDir, sql);
const mockState = async () => (await (await fetch(`${mock.url}/__state`)).json()) as MockState;
const control = (upstream: string, settings: object) =>
	fetch(`${mock.url}/__control/upstreams/${upstream}`, { method: 'POST', body: JSON.stringify(settings) });

/** Fires the daily price-watch cron and waits until every price.watch job has finished. */
async function runWatch() {
	const fired = await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=41+6+*+*+*`);
	expect(fired.status).toBe(200);
	await jobsFinished();
}
// A wall-clock deadline inside the tests' own timeouts: each poll spawns `wrangler d1 execute`,
// which on a loaded machine takes seconds, so a count of tries could outlast the test.
async function jobsFinished(deadlineMs = 75_000) {
	const deadline = Date.now() + deadlineMs;
	while (Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const [row] = query<{ total: number; pending: number }>(
			`SELECT count(*) AS total, sum(state IN ('queued', 'running', 'retrying')) AS pending FROM jobs WHERE kind = 'price.watch'`,
		);
		if (row && row.total > 0 && row.pending === 0) return;
	}
	throw new Error('price.watch jobs did not finish');
}
const checks = () =>
	Object.fromEntries(
		query<{
			sheet_id: string;
			error: string | null;
			listed: number;
			watched: number;
			upstream_as_of: number | null;
		}>('SELECT sheet_id, error, listed, watched, upstream_as_of FROM price_sheet_checks').map((row) => [
			row.sheet_id,
			row,
		]),
	);
/** The "prices under review" notice a page is served with, or null. */
async function reviewNotice(path: string) {
	const response = await fetch(`${server.url}${path}`);
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html).not.toContain('data-price-review');
	return /<div class="price-review" role="note">[\s\S]*?<\/div>/.exec(html)?.[0] ?? null;
}
const driftEmails = async () =>
	Object.entries((await mockState()).emails).filter(([key]) => key.startsWith('price-drift:'));

describe('the price watch', () => {
	it('checks every sheet, records what differs, keeps going past a failing upstream, and tells the team once', async () => {
		await control('aws-cloudfront', { errorRate: 1 });
		await runWatch();
		const byId = checks();
		// Read and agreeing: AWS Lambda, with the offer file's publication date as the data's age.
		expect(byId['aws-lambda']).toMatchObject({ error: null, listed: 4, watched: 4 });
		expect(byId['aws-lambda']?.upstream_as_of).toBe(Date.parse('2026-08-31T09:23:18Z'));
		// The recorded genai-prices dataset still schedules a rise Anthropic cancelled: drift.
		expect(byId['llm-anthropic']?.error).toBeNull();
		const sonnet = query<{ ours: string; theirs: string; notified_at: number | null }>(
			"SELECT ours, theirs, notified_at FROM price_drift WHERE sheet_id = 'llm-anthropic' AND item = 'claude-sonnet-5' AND field = 'input'",
		);
		expect(sonnet).toEqual([{ ours: '2', theirs: '3', notified_at: expect.any(Number) }]);
		// CloudFront's offer file answers 503 every time: that sheet fails, and the others were checked all the same.
		expect(byId['aws-cloudfront']?.error).toBe('pricing.us-east-1.amazonaws.com answered 503');
		expect(byId['aws-s3']).toMatchObject({ error: null, listed: 4, watched: 4 });
		// The AmazonRDS offer file is larger than any answer may be held whole: both database sheets
		// read it as it streamed, and agree with it.
		const [rds] = query<{ bytes: number }>(
			"SELECT bytes FROM price_sheet_checks WHERE sheet_id = 'database-aws-rds-postgres'",
		);
		expect(rds?.bytes).toBeGreaterThan(20_000_000);
		expect(byId['database-aws-rds-postgres']).toMatchObject({ error: null, listed: 11, watched: 11 });
		expect(byId['database-aws-rds-postgres']?.upstream_as_of).toBe(Date.parse('2026-11-20T10:00:00Z'));
		expect(byId['database-aws-aurora-serverless-v2']).toMatchObject({ error: null, listed: 1, watched: 1 });
		expect(
			query(
				"SELECT * FROM price_drift WHERE sheet_id IN ('database-aws-rds-postgres', 'database-aws-aurora-serverless-v2')",
			),
		).toEqual([]);
		expect(byId['cloudflare-workers']).toMatchObject({ error: null, listed: 1 });
		// Every GitHub request was counted against its host limit (8 per 5 s here), retries included;
		// runPriceWatchJob's unit test shows a job over the limit waiting.
		const github = (await mockState()).upstreamCalls.filter((call) => call.upstream === 'github');
		const [counted] = query<{ requests: number }>(
			"SELECT sum(count) AS requests FROM rate_limits WHERE key = 'upstream:api.github.com'",
		);
		expect(github.length).toBeGreaterThan(0);
		expect(counted?.requests).toBeGreaterThanOrEqual(github.length);
		const docsSheets = Object.values(byId).filter((row) => row.sheet_id.startsWith('cloudflare-'));
		expect(docsSheets.map((row) => row.error)).toEqual(docsSheets.map(() => null));
		expect(Object.keys(byId)).not.toContain('database-planetscale-postgres');

		// Pages using the sheet say so as they are served, with the day it was found; others do not.
		const found = new Date().toISOString().slice(0, 10);
		for (const path of ['/guides/your-app-is-glue-code', '/tools/ai-spend', '/tools/estimate?add=ai-spend']) {
			const notice = await reviewNotice(path);
			expect(notice).toContain('Prices under review.');
			expect(notice).toMatch(
				new RegExp(`>Anthropic Claude API[^<]*</a>: difference found <time datetime="${found}">`),
			);
		}
		// Only a changed pricing document, no changed price: no notice for readers.
		expect(byId['cloudflare-queues']?.error).toBeNull();
		expect(await reviewNotice('/guides/async-processing')).toBeNull();

		const emails = await driftEmails();
		expect(emails.map(([key]) => key.split(':')[1]).sort()).toContain('llm-anthropic');
		const sent = emails.length;

		// The same drift seen again is not told again; the 304s cost one small answer each. A read
		// that times out on a busy machine is asked again, so count at least one per sheet.
		const callsBefore = (await mockState()).upstreamCalls.length;
		await runWatch();
		expect(await driftEmails()).toHaveLength(sent);
		const again = (await mockState()).upstreamCalls.slice(callsBefore);
		const statuses = (upstream: string) =>
			again.filter((call) => call.upstream === upstream).map((call) => call.status);
		// Three LLM sheets read genai-prices.
		expect(statuses('genai-prices').length).toBeGreaterThanOrEqual(3);
		expect(new Set(statuses('genai-prices'))).toEqual(new Set([304]));
		// Both database sheets were answered 304 by the one AmazonRDS file, and each still compared its own digest.
		expect(statuses('aws-rds').length).toBeGreaterThanOrEqual(2);
		expect(new Set(statuses('aws-rds'))).toEqual(new Set([304]));
		expect(checks()['database-aws-rds-postgres']).toMatchObject({ error: null, listed: 11, watched: 11 });
	}, 180_000);

	it('records a truncated dataset as failing, and a price the upstream changes as new drift', async () => {
		await control('aws-cloudfront', { errorRate: 0 });
		await control('models-dev', { truncate: true });
		await control('aws-lambda', { replace: [['"0.0000002000"', '"0.0000002500"']] });
		await runWatch();
		const byId = checks();
		expect(byId['llm-groq']?.error).toMatch(/not valid JSON/);
		expect(
			query<{ ours: string; theirs: string }>(
				"SELECT ours, theirs FROM price_drift WHERE sheet_id = 'aws-lambda' AND resolved_at IS NULL",
			),
		).toEqual([{ ours: '0.2', theirs: '0.25' }]);
		expect((await driftEmails()).some(([key]) => key.startsWith('price-drift:aws-lambda:'))).toBe(true);
	}, 180_000);

	it('waits out a rate limit, retries a slow upstream, and reports data older than its threshold as stale', async () => {
		const metrics = async () => (await fetch(`${server.url}/api/metrics`, { headers: operatorAuth })).text();
		const callsBefore = (await mockState()).upstreamCalls.length;
		// genai-prices: one 429 asking for 2 s, and a file last published 75 days ago (its threshold is 30).
		await control('genai-prices', {
			rateLimitNext: 1,
			retryAfterSeconds: 2,
			lastModified: new Date(Date.now() - 75 * 86_400_000).toUTCString(),
		});
		// models.dev: whole again, but slower than the 3 s a request may take.
		await control('models-dev', { truncate: false, latencyMs: 3_500 });
		const fired = await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=41+6+*+*+*`);
		expect(fired.status).toBe(200);
		const groqError = () =>
			query<{ error: string | null }>("SELECT error FROM price_sheet_checks WHERE sheet_id = 'llm-groq'")[0]
				?.error;
		for (let tries = 0; tries < 40 && !/within/.test(groqError() ?? ''); tries++)
			await new Promise((resolve) => setTimeout(resolve, 500));
		expect(groqError()).toBe('no answer from models.dev within 3000 ms');
		expect(await metrics()).toContain('loadbearing_price_sheet_status{sheet="llm-groq",status="failing"} 1');
		// It answers in time again: the job's retry reads it.
		await control('models-dev', { latencyMs: 0 });
		await jobsFinished();
		expect(groqError()).toBeNull();

		const calls = (await mockState()).upstreamCalls.slice(callsBefore);
		const limited = calls.find((call) => call.upstream === 'genai-prices' && call.status === 429);
		expect(limited).toBeDefined();
		// The rate-limited sheet asked again no sooner than the 2 s it was told, and every model sheet was read.
		const llm = query<{ sheet_id: string; error: string | null; duration_ms: number }>(
			"SELECT sheet_id, error, duration_ms FROM price_sheet_checks WHERE sheet_id IN ('llm-openai', 'llm-anthropic', 'llm-google')",
		);
		expect(llm.map((row) => row.error)).toEqual([null, null, null]);
		expect(Math.max(...llm.map((row) => row.duration_ms))).toBeGreaterThanOrEqual(2_000);
		// OpenAI's sheet agrees with the dataset, but the dataset is too old to vouch for it.
		expect(await metrics()).toContain('loadbearing_price_sheet_status{sheet="llm-openai",status="stale"} 1');
	}, 120_000);

	it('shows each sheet and difference to the operator, in metrics too, and an acknowledgement closes one, audited', async () => {
		const metrics = async () => (await fetch(`${server.url}/api/metrics`, { headers: operatorAuth })).text();
		const before = await metrics();
		expect(before).toMatch(/loadbearing_price_sheet_drift\{sheet="llm-anthropic"\} [1-9]/);
		expect(before).toContain('loadbearing_price_sheet_status{sheet="aws-lambda",status="drift"} 1');
		expect(before).toMatch(/loadbearing_price_sheet_check_age_seconds\{sheet="aws-lambda"\} \d+\n/);

		const page = await (await fetch(`${server.url}/admin/prices`, { headers: operatorAuth })).text();
		expect(page).toContain('claude-sonnet-5');
		expect(page).toContain('Acknowledge');
		expect(page).toContain('Check all sheets now');

		const [drift] = query<{ id: string }>(
			"SELECT id FROM price_drift WHERE sheet_id = 'llm-anthropic' AND item = 'claude-sonnet-5' AND field = 'input'",
		);
		const acknowledge = () =>
			fetch(`${server.url}/admin/actions`, {
				method: 'POST',
				redirect: 'manual',
				headers: { ...operatorAuth, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
				body: new URLSearchParams({
					action: 'acknowledge-drift',
					target: drift!.id,
					back: '/admin/prices',
				}).toString(),
			});
		expect((await acknowledge()).status).toBe(303);
		expect((await acknowledge()).status).toBe(409);
		expect(
			query<{ acknowledged_by: string }>(`SELECT acknowledged_by FROM price_drift WHERE id = '${drift!.id}'`),
		).toEqual([{ acknowledged_by: 'token:ops' }]);
		expect(
			query<{ actor: string }>(
				`SELECT actor FROM audit_log WHERE action = 'price-drift.acknowledge' AND target = '${drift!.id}'`,
			),
		).toEqual([{ actor: 'token:ops' }]);
		const open = (text: string) =>
			Number(/loadbearing_price_sheet_drift\{sheet="llm-anthropic"\} (\d+)/.exec(text)?.[1]);
		expect(open(await metrics())).toBe(open(before) - 1);

		// Every Anthropic difference acknowledged: its pages stop showing the notice.
		const rest = query<{ id: string }>(
			"SELECT id FROM price_drift WHERE sheet_id = 'llm-anthropic' AND resolved_at IS NULL AND acknowledged_at IS NULL",
		);
		for (const { id } of rest) {
			const response = await fetch(`${server.url}/admin/actions`, {
				method: 'POST',
				redirect: 'manual',
				headers: { ...operatorAuth, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
				body: new URLSearchParams({
					action: 'acknowledge-drift',
					target: id,
					back: '/admin/prices',
				}).toString(),
			});
			expect(response.status).toBe(303);
		}
		expect((await reviewNotice('/guides/your-app-is-glue-code')) ?? '').not.toContain('Anthropic');
	}, 60_000);

	it('checks every sheet again when an operator asks, audited', async () => {
		const asked = await fetch(`${server.url}/admin/actions`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...operatorAuth, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
			body: new URLSearchParams({ action: 'check-prices', back: '/admin/prices' }).toString(),
		});
		expect(asked.status).toBe(303);
		expect(new URL(asked.headers.get('location') ?? '').searchParams.get('notice')).toMatch(
			/^Checking 20 price sheets now/,
		);
		expect(
			query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'price-watch.run'"),
		).toEqual([{ detail: 'checked 20 price sheets on request' }]);
		// Each query is a wrangler process (2–4 s on two busy cores), so wait by the clock, not by tries.
		const deadline = Date.now() + 150_000;
		while (Date.now() < deadline) {
			const [row] = query<{ pending: number }>(
				"SELECT count(*) AS pending FROM jobs WHERE kind = 'price.watch' AND subject_id LIKE '%/console-%' AND state IN ('queued', 'running', 'retrying')",
			);
			if (row?.pending === 0) break;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
		const [latest] = query<{ finished: number }>(
			"SELECT count(*) AS finished FROM jobs WHERE kind = 'price.watch' AND subject_id LIKE '%/console-%' AND state IN ('succeeded', 'dead')",
		);
		expect(latest?.finished).toBe(20);
	}, 180_000);
});
