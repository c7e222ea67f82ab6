import { describe, expect, it } from 'vitest';
import type { ProblemBody } from '~/lib/http/problem';
import { fetchJson, url } from './http';

const inquiry = {
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: 'Our nightly CRM sync creates duplicate contacts.',
	consent: true,
};
const json = (path: string, body: string, headers: Record<string, string> = {}) =>
	fetchJson<ProblemBody & { id?: string }>(path, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});

/** A body sent in chunks with no Content-Length, as a streaming client sends it. */
const chunkedBody = (chunks: number, size: number) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			for (let i = 0; i < chunks; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(size)));
			controller.close();
		},
	});

describe('every route with a body', () => {
	it.each(['/api/inquiries', '/api/reports', '/api/price'])(
		'%s answers JSON that is not an object with a 400 naming body',
		async (path) => {
			for (const body of ['null', '[]', '"text"', '42']) {
				const { response, body: problem } = await json(path, body);
				expect(response.status, `${path} ${body}`).toBe(400);
				expect(problem.error).toMatchObject({ code: 'bad_request', field: 'body' });
				expect(problem.error.message).toMatch(/JSON object/);
			}
		},
	);

	it('stops a chunked upload at the limit with a 413 naming body', async () => {
		const response = await fetch(url('/api/inquiries'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: chunkedBody(64, 1024),
			duplex: 'half',
		} as RequestInit);
		expect(response.status).toBe(413);
		expect(((await response.json()) as ProblemBody).error.field).toBe('body');
	});

	it('leaves nothing unread: each refusal is followed by a request that works', async () => {
		const refusals: [string, RequestInit, number][] = [
			[
				'/api/inquiries',
				{ method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(40_000) },
				413,
			],
			[
				'/api/inquiries',
				{ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(20_000) },
				415,
			],
			[
				'/api/metrics',
				{ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(20_000) },
				401,
			],
			[
				'/api/health',
				{ method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(20_000) },
				405,
			],
		];
		for (let round = 0; round < 3; round++) {
			for (const [path, init, status] of refusals) {
				const refused = await fetch(url(path), init);
				expect(refused.status, path).toBe(status);
				await refused.arrayBuffer();
				const accepted = await json(
					'/api/price',
					JSON.stringify({ product: 'cloudflare-workers', usage: { requests: 1000, cpuMsPerRequest: 5 } }),
				);
				expect(accepted.response.status, `after ${path}`).toBe(200);
			}
		}
		const { response } = await json('/api/inquiries', JSON.stringify(inquiry), {
			'cf-connecting-ip': '203.0.113.77',
		});
		expect(response.status).toBe(202);
	});

	it('says only that operator credentials are needed, never how they are configured', async () => {
		const { response, body } = await fetchJson<ProblemBody>('/api/metrics');
		expect(response.status).toBe(401);
		expect(body.error.message).toBe('Operator credentials are required.');
	});
});
