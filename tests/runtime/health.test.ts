import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '~/lib/health/health-report';
import type { ProblemBody } from '~/lib/http/problem';
import { startTestServer, type TestServer } from '../support/server';
import { fetchJson } from './http';

describe('GET /api/health', () => {
	it('reports ok with the database check and a version on a migrated database', async () => {
		const { response, body } = await fetchJson<HealthReport>('/api/health');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(body).toMatchObject({ status: 'ok', checks: { db: 'ok', kv: 'ok' } });
		expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('answers other methods with 405 and an Allow header', async () => {
		const { response, body } = await fetchJson<ProblemBody>('/api/health', { method: 'POST' });
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET');
		expect(body.error.code).toBe('method_not_allowed');
	});
});

describe('a deploy whose database was never migrated', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer({ port: 4412, migrate: false });
	});
	afterAll(() => server.stop());

	it('fails health with 503 and names the failing check', async () => {
		const { response, body } = await fetchJson<HealthReport>(`${server.url}/api/health`);
		expect(response.status).toBe(503);
		expect(body.status).toBe('failing');
		expect(body.checks.db).toBe('failing');
		expect(body.errors?.['db']).toMatch(/migrations/);
	});

	it('answers a failing API route with a JSON problem carrying the request id, not a stack trace', async () => {
		const response = await fetch(`${server.url}/api/heartbeats`, {
			method: 'POST',
			headers: { 'x-request-id': 'runtime-test-500' },
		});
		expect(response.status).toBe(500);
		const text = await response.text();
		expect(JSON.parse(text)).toEqual({
			error: {
				code: 'internal_error',
				message: expect.stringContaining('request id') as string,
				requestId: 'runtime-test-500',
			},
		});
		expect(text).not.toMatch(/at \w+ \(|\.ts:\d+|no such table|SQLITE/);
	});

	it('shows the failure on the status page with a 503', async () => {
		const response = await fetch(`${server.url}/status`);
		expect(response.status).toBe(503);
		expect(await response.text()).toContain('Something is failing');
	});
});
