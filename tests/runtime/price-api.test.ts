import { describe, expect, it } from 'vitest';
import type { ProblemBody } from '~/lib/http/problem';
import type { Estimate } from '~/lib/pricing/estimate';
import { fetchJson } from './http';

const post = <Body>(
	body: unknown,
	headers: Record<string, string> = { 'content-type': 'application/json' },
) =>
	fetchJson<Body>('/api/price', {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});

describe('POST /api/price', () => {
	it('prices Cloudflare Workers like its pricing page: 15 million requests at 7 ms is $8.00', async () => {
		const { response, body } = await post<Estimate>({
			product: 'cloudflare-workers',
			usage: { requests: 15_000_000, cpuMsPerRequest: 7 },
		});
		expect(response.status).toBe(200);
		expect(body.product).toBe('cloudflare-workers');
		expect(body.totalUsd).toBeCloseTo(8, 2);
		expect(body.lineItems.map((item) => item.id)).toEqual(['base-fee', 'requests', 'cpu-time']);
		for (const item of body.lineItems) {
			expect(Object.keys(item)).toEqual(
				expect.arrayContaining(['id', 'label', 'quantity', 'unit', 'unitPriceUsd', 'usd']),
			);
		}
		expect(body.priceSheet).toEqual({
			id: 'cloudflare-workers',
			asOf: '2026-11-30',
			source: 'https://developers.cloudflare.com/workers/platform/pricing/',
		});
	});

	it('switches the AWS free tier with options.freeTier (on by default)', async () => {
		const usage = { requests: 1_000_000, durationMs: 100, memoryMb: 1024 };
		const free = await post<Estimate>({ product: 'aws-lambda', usage });
		const paid = await post<Estimate>({ product: 'aws-lambda', usage, options: { freeTier: false } });
		expect(free.body.totalUsd).toBe(0);
		expect(paid.body.totalUsd).toBeCloseTo(0.2 + 100_000 * 0.0000166667, 6);
	});

	it('prices LLM tokens for a model from the price sheets', async () => {
		const { body } = await post<Estimate>({
			product: 'llm',
			usage: { model: 'claude-haiku-4-5', inputTokens: 2_000_000, outputTokens: 1_000_000 },
		});
		expect(body.totalUsd).toBeCloseTo(2 * 1 + 1 * 5, 6);
		expect(body.priceSheet.id).toBe('llm-anthropic');
	});

	it.each([
		['an unknown product', { product: 'heroku' }, 'product'],
		['an unknown usage field', { product: 'aws-s3', usage: { egress: 5 } }, 'usage.egress'],
		['a negative value', { product: 'aws-s3', usage: { egressGb: -5 } }, 'usage.egressGb'],
		['a non-numeric value', { product: 'aws-s3', usage: { egressGb: 'five' } }, 'usage.egressGb'],
		['an unknown model', { product: 'llm', usage: { model: 'gpt-2' } }, 'usage.model'],
	])('answers %s with 400 naming the field', async (_case, body, field) => {
		const { response, body: problem } = await post<ProblemBody>(body);
		expect(response.status).toBe(400);
		expect(problem.error).toMatchObject({ code: 'bad_request', field });
		expect(problem.error.message.length).toBeGreaterThan(10);
	});

	it('refuses malformed JSON, other content types and oversized bodies', async () => {
		expect((await post<ProblemBody>('{"product":')).body.error).toMatchObject({ field: 'body' });
		expect(
			(await post<ProblemBody>('product=x', { 'content-type': 'application/x-www-form-urlencoded' })).response
				.status,
		).toBe(415);
		const big = JSON.stringify({ product: 'aws-s3', usage: { egressGb: 1 }, pad: 'x'.repeat(20_000) });
		expect((await post<ProblemBody>(big)).response.status).toBe(413);
	});

	it('answers other methods with 405', async () => {
		const { response } = await fetchJson<ProblemBody>('/api/price');
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('POST');
	});
});

describe('GET /api/price/models', () => {
	it('lists every model with its prices and dated source', async () => {
		const { response, body } = await fetchJson<{
			models: { id: string; inputPerMTok: number; priceSheet: { asOf: string } }[];
		}>('/api/price/models');
		expect(response.status).toBe(200);
		expect(body.models.map((model) => model.id)).toEqual(
			expect.arrayContaining(['claude-sonnet-4-5', 'gpt-5']),
		);
		for (const model of body.models) expect(model.priceSheet.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
});
