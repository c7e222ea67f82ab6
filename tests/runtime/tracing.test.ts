import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTraceparent, type TraceContext } from '../../src/lib/observability/trace-context';
import { startMockServices, TURNSTILE_TEST_TOKEN, type MockState } from '../mocks/mock-services';
import { signedFormToken } from '../support/form-token';
import { queryLocalD1, startTestServer, type TestServer } from '../support/server';

// One inquiry followed by its trace id: from the POST that carries a traceparent, through the
// Turnstile check it makes, the jobs it records and the queue, to the CRM and email calls, and
// into the Worker's log lines. On a server of its own, with Turnstile and the price watch's
// upstream proxy pointed at the mocks, so every kind of outbound call is seen.
const FORM_SECRET = 'tracing-form-token-secret';
const CALLER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const CALLER = `00-${CALLER_TRACE_ID}-${CALLER_SPAN_ID}-01`;
let server: TestServer;
let mock: Awaited<ReturnType<typeof startMockServices>>;

beforeAll(async () => {
	mock = await startMockServices({ port: 4793, crmSigningSecret: 'crm-secret', emailApiKey: 'email-key' });
	server = await startTestServer({
		port: 4712,
		migrate: true,
		vars: {
			CRM_WEBHOOK_URL: `${mock.url}/crm/leads`,
			CRM_SIGNING_SECRET: 'crm-secret',
			EMAIL_API_URL: `${mock.url}/email/send`,
			EMAIL_API_KEY: 'email-key',
			NOTIFY_EMAIL_TO: 'team@loadbearing.test',
			FORM_TOKEN_SECRET: FORM_SECRET,
			MIN_SUBMIT_SECONDS: '1',
			TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
			TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: `${mock.url}/turnstile/siteverify`,
			PRICE_UPSTREAM_PROXY: `${mock.url}/upstreams`,
			JOB_MAX_ATTEMPTS: '2',
			RETRY_BASE_SECONDS: '1',
			RETRY_MAX_SECONDS: '1',
			OUTBOUND_TIMEOUT_MS: '3000',
		},
	});
}, 90_000);
afterAll(async () => {
	await server?.stop();
	await mock?.stop();
});

const mockState = async () => (await (await fetch(`${mock.url}/__state`)).json()) as MockState;
const query = <Row>(sql: string) => queryLocalD1<Row>(server.stateDir, sql);

/** Posts one inquiry as JSON, with `headers` added; returns its id and the request id it was given. */
async function postInquiry(headers: Record<string, string>) {
	const response = await fetch(`${server.url}/api/inquiries`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({
			name: 'Grace Hopper',
			email: 'grace@example.com',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'Following one inquiry by its trace id.',
			consent: true,
			formToken: await signedFormToken(FORM_SECRET),
			'cf-turnstile-response': TURNSTILE_TEST_TOKEN,
		}),
	});
	expect(response.status).toBe(202);
	const { id } = (await response.json()) as { id: string };
	return { id, requestId: response.headers.get('x-request-id') };
}

/** The CRM and email calls the mock received for inquiry `id`, once both have arrived. */
async function deliveredCalls(id: string) {
	for (let tries = 0; tries < 100; tries++) {
		const { calls } = await mockState();
		const crm = calls.find((call) => call.service === 'crm' && call.idempotencyKey === id);
		const email = calls.find((call) => call.service === 'email' && call.idempotencyKey === `${id}:notify`);
		if (crm && email) return { crm, email };
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`The CRM and email calls for ${id} did not arrive`);
}

/** A header the mock recorded, parsed; fails the test when it is missing or invalid. */
function traceOf(header: string | null): TraceContext {
	const context = parseTraceparent(header);
	expect(context, `a valid traceparent, got ${header}`).not.toBeNull();
	return context as TraceContext;
}

describe('an inquiry followed by its trace id', () => {
	it("keeps the caller's trace from the POST through the queue to the CRM and email calls", async () => {
		const { id, requestId } = await postInquiry({ traceparent: CALLER, tracestate: 'congo=t61rcWkgMzE' });
		const { crm, email } = await deliveredCalls(id);
		const state = await mockState();

		// During the request: the Turnstile check is a child of the caller's span, with its tracestate.
		const turnstile = state.traced.find(
			(call) =>
				call.path === '/turnstile/siteverify' &&
				parseTraceparent(call.traceparent)?.traceId === CALLER_TRACE_ID,
		);
		expect(turnstile?.tracestate).toBe('congo=t61rcWkgMzE');

		// Through the queue: each job's call is in the same trace, as a span of its own, still sampled.
		const crmTrace = traceOf(crm.traceparent);
		const emailTrace = traceOf(email.traceparent);
		expect(crmTrace).toMatchObject({ traceId: CALLER_TRACE_ID, sampled: true });
		expect(emailTrace).toMatchObject({ traceId: CALLER_TRACE_ID, sampled: true });
		const spans = [
			CALLER_SPAN_ID,
			crmTrace.parentId,
			emailTrace.parentId,
			traceOf(turnstile?.traceparent ?? null).parentId,
		];
		expect(new Set(spans).size).toBe(4);

		// The jobs remember the trace and the request that recorded them.
		const jobs = query<{ kind: string; traceparent: string; request_id: string }>(
			`SELECT kind, traceparent, request_id FROM jobs WHERE subject_id = '${id}' ORDER BY kind`,
		);
		expect(jobs.map((job) => [job.kind, parseTraceparent(job.traceparent)?.traceId, job.request_id])).toEqual(
			[
				['crm.sync', CALLER_TRACE_ID, requestId],
				['email.notify', CALLER_TRACE_ID, requestId],
			],
		);

		// The consumer's line for each job names the job, the trace and the request.
		const crmJobId = query<{ id: string }>(
			`SELECT id FROM jobs WHERE subject_id = '${id}' AND kind = 'crm.sync'`,
		)[0]?.id;
		let line: Record<string, unknown> | undefined;
		for (let tries = 0; tries < 25 && !line; tries++) {
			line = logLines().find((entry) => entry['msg'] === 'queue message' && entry['jobId'] === crmJobId);
			if (!line) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(line).toMatchObject({ traceId: CALLER_TRACE_ID, requestId, jobId: crmJobId, action: 'ack' });
	});

	it('starts a trace for a request without a traceparent, and its calls still carry one', async () => {
		const { id } = await postInquiry({});
		const { crm, email } = await deliveredCalls(id);
		const crmTrace = traceOf(crm.traceparent);
		expect(traceOf(email.traceparent).traceId).toBe(crmTrace.traceId);
		expect(crmTrace.traceId).not.toBe(CALLER_TRACE_ID);
		expect(crmTrace.sampled).toBe(false);
	});

	it('replaces a malformed traceparent with a new trace instead of passing it on', async () => {
		const malformed = `00-${CALLER_TRACE_ID.toUpperCase()}-${CALLER_SPAN_ID}-01`;
		const { id } = await postInquiry({ traceparent: malformed, tracestate: 'congo=t61rcWkgMzE' });
		const { crm } = await deliveredCalls(id);
		expect(traceOf(crm.traceparent).traceId).not.toBe(CALLER_TRACE_ID);
		const state = await mockState();
		expect(state.traced.some((call) => call.traceparent === malformed)).toBe(false);
		const crmTraceId = traceOf(crm.traceparent).traceId;
		const turnstile = state.traced.find(
			(call) =>
				call.path === '/turnstile/siteverify' && parseTraceparent(call.traceparent)?.traceId === crmTraceId,
		);
		expect(turnstile).toBeDefined();
		expect(turnstile?.tracestate).toBeNull();
	});

	it('gives a refused request a log line with its request id and trace id', async () => {
		const response = await fetch(`${server.url}/api/inquiries`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', traceparent: CALLER },
			body: '{"name":',
		});
		expect(response.status).toBe(400);
		const requestId = response.headers.get('x-request-id');
		let line: Record<string, unknown> | undefined;
		for (let tries = 0; tries < 25 && !line; tries++) {
			line = logLines().find((entry) => entry['msg'] === 'request' && entry['requestId'] === requestId);
			if (!line) await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(line).toMatchObject({ status: 400, traceId: CALLER_TRACE_ID });
	});
});

describe('a cron run followed by its trace id', () => {
	it("sends every price upstream request of one price-watch run in the run's trace", async () => {
		const fired = await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=41+6+*+*+*`);
		expect(fired.status).toBe(200);
		let upstream: MockState['traced'] = [];
		for (let tries = 0; tries < 100 && upstream.length < 3; tries++) {
			await new Promise((resolve) => setTimeout(resolve, 200));
			upstream = (await mockState()).traced.filter((call) => call.path.startsWith('/upstreams/'));
		}
		expect(upstream.length).toBeGreaterThanOrEqual(3);
		const traces = upstream.map((call) => traceOf(call.traceparent));
		expect(new Set(traces.map((trace) => trace.traceId)).size).toBe(1);
		expect(new Set(traces.map((trace) => trace.parentId)).size).toBe(traces.length);
		const stored = query<{ traceparent: string }>(
			`SELECT traceparent FROM jobs WHERE kind = 'price.watch' LIMIT 1`,
		);
		expect(parseTraceparent(stored[0]?.traceparent)?.traceId).toBe(traces[0]?.traceId);
	});
});

/** The JSON log lines the Worker has written so far (wrangler dev prints them among its own). */
function logLines(): Record<string, unknown>[] {
	return server
		.output()
		.split('\n')
		.flatMap((text) => {
			const start = text.indexOf('{');
			if (start < 0) return [];
			try {
				return [JSON.parse(text.slice(start)) as Record<string, unknown>];
			} catch {
				return [];
			}
		});
}
