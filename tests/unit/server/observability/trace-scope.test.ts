import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTraceparent } from '~/lib/observability/trace-context';
import { enqueueRecordedJobs } from '~/server/jobs/enqueue';
import {
	cronScope,
	jobOrigin,
	jobScope,
	requestScope,
	runInScope,
	tracedFetch,
	writeLog,
} from '~/server/observability/trace-scope';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const inRequest = (headers: Record<string, string> = { traceparent: CALLER }) =>
	requestScope(new Headers(headers), 'req-12345678');

/** Replaces the global fetch; returns the headers of each call it receives. */
function captureFetch() {
	const calls: Headers[] = [];
	vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
		calls.push(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)));
		return new Response('{}');
	});
	return calls;
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('tracedFetch', () => {
	it("sends the request's trace id with a new span id on every call, keeping the call's own headers", async () => {
		const calls = captureFetch();
		const scope = inRequest({ traceparent: CALLER, tracestate: 'congo=t61rcWkgMzE' });
		await runInScope(scope, async () => {
			await tracedFetch('https://crm.test/leads', { headers: { 'idempotency-key': 'inq_1' } });
			await tracedFetch(new Request('https://crm.test/leads', { headers: { authorization: 'Bearer k' } }));
		});
		const [first, second] = calls.map((headers) => parseTraceparent(headers.get('traceparent')));
		expect(first?.traceId).toBe(TRACE_ID);
		expect(second?.traceId).toBe(TRACE_ID);
		expect(first?.sampled).toBe(true);
		expect(new Set([first?.parentId, second?.parentId, scope.trace.parentId]).size).toBe(3);
		expect(calls[0]?.get('idempotency-key')).toBe('inq_1');
		expect(calls[1]?.get('authorization')).toBe('Bearer k');
		expect(calls[0]?.get('tracestate')).toBe('congo=t61rcWkgMzE');
	});

	it('starts a trace of its own for a call made outside any request, job or cron run', async () => {
		const calls = captureFetch();
		await tracedFetch('https://upstream.test/prices.json');
		expect(parseTraceparent(calls[0]?.get('traceparent'))).not.toBeNull();
		expect(calls[0]?.has('tracestate')).toBe(false);
	});
});

describe('jobScope', () => {
	it('continues the trace the job was recorded in, under a new span, with the job and request ids', () => {
		const recorded = runInScope(inRequest(), jobOrigin);
		const scope = jobScope({ jobId: 'job_1', ...recorded });
		expect(scope.trace.traceId).toBe(TRACE_ID);
		expect(scope.requestId).toBe('req-12345678');
		expect(scope.jobId).toBe('job_1');
		expect(scope.trace.parentId).not.toBe(parseTraceparent(recorded.traceparent)?.parentId);
	});

	it('starts a new trace for a job recorded without one, or with a damaged one', () => {
		expect(jobScope({ jobId: 'job_2' }).trace.traceId).toMatch(/^[0-9a-f]{32}$/);
		expect(jobScope({ jobId: 'job_3', traceparent: 'garbage' }).trace.traceId).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('writeLog', () => {
	it('adds the request, trace and job ids of the work it is written in', () => {
		const lines: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		const origin = runInScope(
			inRequest(),
			() => (writeLog({ level: 'info', msg: 'in request' }), jobOrigin()),
		);
		runInScope(jobScope({ jobId: 'job_1', ...origin }), () => writeLog({ level: 'info', msg: 'in job' }));
		runInScope(cronScope(), () => writeLog({ level: 'info', msg: 'in cron' }));
		writeLog({ level: 'info', msg: 'at build time' });
		const [request, job, cron, build] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(request).toMatchObject({ msg: 'in request', requestId: 'req-12345678', traceId: TRACE_ID });
		expect(request).not.toHaveProperty('jobId');
		expect(job).toMatchObject({
			msg: 'in job',
			requestId: 'req-12345678',
			traceId: TRACE_ID,
			jobId: 'job_1',
		});
		expect(cron?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
		expect(cron).not.toHaveProperty('requestId');
		expect(build).toEqual({ level: 'info', msg: 'at build time' });
	});
});

describe('enqueueRecordedJobs', () => {
	it('sends each job with the trace and request that recorded it, keeping one a message already has', async () => {
		const sent: unknown[] = [];
		const queue = { sendBatch: async (messages: { body: unknown }[]) => void sent.push(...messages) };
		const stored = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-00`;
		await runInScope(inRequest(), () =>
			enqueueRecordedJobs(
				queue,
				[
					{ kind: 'crm.sync', jobId: 'job_1' },
					{ kind: 'crm.erase', jobId: 'job_2', traceparent: stored },
				],
				() => {},
			),
		);
		expect(sent).toEqual([
			{
				body: {
					kind: 'crm.sync',
					jobId: 'job_1',
					traceparent: expect.stringContaining(`00-${TRACE_ID}-`),
					requestId: 'req-12345678',
				},
			},
			{ body: { kind: 'crm.erase', jobId: 'job_2', traceparent: stored } },
		]);
	});
});
