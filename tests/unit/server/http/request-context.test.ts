import { describe, expect, it } from 'vitest';
import { withRequestContext } from '~/server/http/request-context';
import { currentScope } from '~/server/observability/trace-scope';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

function setup() {
	const logs: Record<string, unknown>[] = [];
	let clock = 100;
	const deps = {
		now: () => (clock += 5),
		newId: () => 'fresh-request-id',
		log: (line: Record<string, unknown>) => logs.push(line),
		errorPage: async () =>
			new Response('<h1>Something went wrong on our side</h1>', { headers: { 'content-type': 'text/html' } }),
	};
	return { logs, deps };
}

describe('withRequestContext', () => {
	it('passes the request id to the handler and returns it in the response', async () => {
		const { deps } = setup();
		let seen: string | null = null;
		const response = await withRequestContext(
			new Request('https://loadbearing.dev/'),
			async (request) => {
				seen = request.headers.get('x-request-id');
				return new Response('ok', { headers: { 'content-type': 'text/html' } });
			},
			deps,
		);
		expect(seen).toBe('fresh-request-id');
		expect(response.headers.get('x-request-id')).toBe('fresh-request-id');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
	});

	it('writes a structured log line for a refused request, with the id its answer shows', async () => {
		const { logs, deps } = setup();
		await withRequestContext(
			new Request('https://loadbearing.dev/api/inquiries?x=1', { method: 'POST' }),
			async () => new Response(null, { status: 429 }),
			deps,
		);
		expect(logs).toEqual([
			{
				level: 'warn',
				msg: 'request',
				method: 'POST',
				path: '/api/inquiries',
				status: 429,
				durationMs: 5,
				requestId: 'fresh-request-id',
				traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
			},
		]);
	});

	it("runs the handler in the caller's trace, under a span of its own, and logs its trace id", async () => {
		const { logs, deps } = setup();
		let seen: ReturnType<typeof currentScope>;
		await withRequestContext(
			new Request('https://loadbearing.dev/api/x', {
				headers: { traceparent: CALLER, tracestate: 'congo=t61' },
			}),
			async () => {
				seen = currentScope();
				return new Response(null, { status: 404 });
			},
			deps,
		);
		expect(seen).toMatchObject({
			trace: { traceId: TRACE_ID, sampled: true },
			traceState: 'congo=t61',
			requestId: 'fresh-request-id',
			jobId: null,
		});
		expect(seen?.trace.parentId).not.toBe('00f067aa0ba902b7');
		expect(logs[0]).toMatchObject({ requestId: 'fresh-request-id', traceId: TRACE_ID });
	});

	it('starts a new trace for a malformed traceparent, and drops its tracestate', async () => {
		const { deps } = setup();
		let seen: ReturnType<typeof currentScope>;
		await withRequestContext(
			new Request('https://loadbearing.dev/', {
				headers: { traceparent: CALLER.toUpperCase(), tracestate: 'congo=t61' },
			}),
			async () => {
				seen = currentScope();
				return new Response('ok');
			},
			deps,
		);
		expect(seen?.trace.traceId).toMatch(/^[0-9a-f]{32}$/);
		expect(seen?.trace.traceId).not.toBe(TRACE_ID);
		expect(seen?.traceState).toBeNull();
	});

	it('leaves a quick success to the execution log Cloudflare writes for every request', async () => {
		const { logs, deps } = setup();
		await withRequestContext(
			new Request('https://loadbearing.dev/about', { method: 'HEAD' }),
			async () => new Response(null, { status: 204 }),
			deps,
		);
		expect(logs).toEqual([]);
	});

	it('adds headers to responses whose headers are immutable, such as static assets', async () => {
		const { deps } = setup();
		const immutable = Response.redirect('https://loadbearing.dev/about', 301); // headers are immutable
		const response = await withRequestContext(
			new Request('https://loadbearing.dev/x'),
			async () => immutable,
			deps,
		);
		expect(response.status).toBe(301);
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age/);
	});

	it('turns an escaped error on a page into the 500 page, without the stack trace', async () => {
		const { logs, deps } = setup();
		const response = await withRequestContext(
			new Request('https://loadbearing.dev/broken'),
			async () => {
				throw new Error('secret internals at handler.ts:42');
			},
			deps,
		);
		expect(response.status).toBe(500);
		const html = await response.text();
		expect(html).toContain('Something went wrong on our side');
		expect(html).not.toContain('handler.ts');
		expect(logs[0]).toMatchObject({ level: 'error', msg: 'unhandled error', requestId: 'fresh-request-id' });
	});

	it('turns an escaped error under /api/ into a JSON problem with the request id', async () => {
		const { deps } = setup();
		const response = await withRequestContext(
			new Request('https://loadbearing.dev/api/thing', { headers: { 'x-request-id': 'client-trace-1' } }),
			async () => {
				throw new Error('boom');
			},
			deps,
		);
		expect(response.status).toBe(500);
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = (await response.json()) as { error: Record<string, string> };
		expect(body.error).toMatchObject({ code: 'internal_error', requestId: 'client-trace-1' });
		expect(body.error['message']).not.toContain('boom');
	});
});
