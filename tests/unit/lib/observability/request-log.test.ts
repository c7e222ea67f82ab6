import { describe, expect, it } from 'vitest';
import { createRequestLogLine } from '~/lib/observability/request-log';

const base = {
	method: 'GET',
	url: 'https://loadbearing.dev/guides?email=a@b.c',
	durationMs: 12.345,
	requestId: 'r-1',
};

describe('createRequestLogLine', () => {
	it('records method, path, status, duration and request id', () => {
		expect(createRequestLogLine({ ...base, status: 200 })).toEqual({
			level: 'info',
			msg: 'request',
			method: 'GET',
			path: '/guides',
			status: 200,
			durationMs: 12.3,
			requestId: 'r-1',
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
