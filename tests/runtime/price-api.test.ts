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
		expect(body.priceSheet).toMatchObject({
			id: 'cloudflare-workers',
			source: 'https://developers.cloudflare.com/workers/platform/pricing/',
		});
		expect(body.priceSheet.asOf < body.priceSheet.reviewBy).toBe(true);
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

	it('prices a retired model with a 200 and a notice naming its retirement and successor', async () => {
		const { response, body } = await post<Estimate>({
			product: 'llm',
			usage: { model: 'claude-sonnet-4-5', inputTokens: 1_000_000 },
		});
		expect(response.status).toBe(200);
		expect(body.notices).toContainEqual(
			expect.objectContaining({ code: 'retired', successor: 'claude-sonnet-5-5' }),
		);
	});

	it('takes calls, the cache lifetime and batch for the billing rules that need them', async () => {
		const { body } = await post<Estimate>({
			product: 'llm',
			usage: {
				model: 'claude-haiku-5-5',
				inputTokens: 150_000,
				outputTokens: 1000,
				calls: 1,
				batch: true,
			},
		});
		// The 100K+ band ($0.50 / $2.50), halved by the Batch API.
		expect(body.totalUsd).toBeCloseTo(0.0775 / 2, 6);
	});

	it.each([
		['an unknown product', { product: 'heroku' }, 'product'],
		['an unknown usage field', { product: 'aws-s3', usage: { egress: 5 } }, 'usage.egress'],
		['a negative value', { product: 'aws-s3', usage: { egressGb: -5 } }, 'usage.egressGb'],
		['a non-numeric value', { product: 'aws-s3', usage: { egressGb: 'five' } }, 'usage.egressGb'],
		['an unknown model', { product: 'llm', usage: { model: 'gpt-2' } }, 'usage.model'],
		['a zero call count', { product: 'llm', usage: { model: 'gpt-5', calls: 0 } }, 'usage.calls'],
		['a non-boolean batch', { product: 'llm', usage: { model: 'gpt-5', batch: 'yes' } }, 'usage.batch'],
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
	interface ListedModel {
		id: string;
		provider: string;
		status: string;
		deprecatedOn: string | null;
		retiresOn: string | null;
		successor: string | null;
		default?: true;
		prices: { input: number; output: number };
		priceSheet: { asOf: string; reviewBy: string };
	}

	it('lists every model with its lifecycle, prices and dated source', async () => {
		const { response, body } = await fetchJson<{ models: ListedModel[] }>('/api/price/models');
		expect(response.status).toBe(200);
		const byId = new Map(body.models.map((model) => [model.id, model]));
		expect(byId.get('claude-sonnet-4-5')).toMatchObject({
			status: 'retired',
			retiresOn: '2026-11-30',
			successor: 'claude-sonnet-5-5',
		});
		// Deprecated until 2026-12-11, retired from then on: the server decides by today's date.
		expect(byId.get('gpt-5')).toMatchObject({ retiresOn: '2026-12-11', successor: 'gpt-6.1-sol' });
		expect(['deprecated', 'retired']).toContain(byId.get('gpt-5')?.status);
		expect(new Set(body.models.map((model) => model.provider))).toEqual(
			new Set(['Anthropic', 'OpenAI', 'Google', 'Cloudflare Workers AI', 'Groq']),
		);
		for (const model of body.models) expect(model.priceSheet.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('marks the AI spend calculator default, a current model', async () => {
		const { body } = await fetchJson<{ models: ListedModel[] }>('/api/price/models');
		const defaults = body.models.filter((model) => model.default);
		expect(defaults).toHaveLength(1);
		expect(defaults[0]?.status).toBe('current');
	});
});
