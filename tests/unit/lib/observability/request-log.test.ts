import { describe, expect, it } from 'vitest';
import { createRequestLogLine, needsRequestLogLine, SLOW_REQUEST_MS } from '~/lib/observability/request-log';

const base = {
	method: 'GET',
	url: 'https://loadbearing.dev/guides?email=a@b.c',
	durationMs: 12.345,
	requestId: 'r-1',
	traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};

describe('createRequestLogLine', () => {
	it('records method, path, status, duration, request id and trace id', () => {
		expect(createRequestLogLine({ ...base, status: 200 })).toEqual({
			level: 'info',
			msg: 'request',
			method: 'GET',
			path: '/guides',
			status: 200,
			durationMs: 12.3,
			requestId: 'r-1',
			traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
		});
	});

	it('leaves the query string out, since it may hold personal data', () => {
		expect(JSON.stringify(createRequestLogLine({ ...base, status: 200 }))).not.toContain('email');
	});

	it.each([
		[404, 'warn'],
		[429, 'warn'],
		[500, 'error'],
		[503, 'error'],
	] as const)('logs status %i at %s', (status, level) => {
		expect(createRequestLogLine({ ...base, status }).level).toBe(level);
	});
});

describe('needsRequestLogLine', () => {
	it('leaves a quick success to the execution log', () => {
		expect(needsRequestLogLine(200, 12)).toBe(false);
		expect(needsRequestLogLine(202, 40)).toBe(false);
		expect(needsRequestLogLine(303, 8)).toBe(false);
	});

	it('logs every refused or failed request, so the id its answer shows can be found', () => {
		for (const status of [400, 401, 404, 413, 429, 500, 503])
			expect(needsRequestLogLine(status, 1)).toBe(true);
	});

	it('logs a slow success', () => {
		expect(needsRequestLogLine(200, SLOW_REQUEST_MS - 1)).toBe(false);
		expect(needsRequestLogLine(200, SLOW_REQUEST_MS)).toBe(true);
	});
});
