import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGenaiPrices, readModelsDev, UpstreamShapeError } from '~/lib/price-watch/model-datasets';

const fixture = (name: string): unknown =>
	JSON.parse(readFileSync(new URL(`../../../mocks/upstreams/${name}`, import.meta.url), 'utf8'));
const genaiPrices = fixture('genai-prices.json');
const modelsDev = fixture('models-dev.json');
const prices = (
	observation: { prices: readonly { item: string; field: string; usd: number }[] },
	item: string,
) =>
	Object.fromEntries(
		observation.prices.filter((price) => price.item === item).map((price) => [price.field, price.usd]),
	);

describe('readGenaiPrices', () => {
	const anthropic = new Map([
		['claude-opus-4-8', 'claude-opus-4-8'],
		['claude-sonnet-5', 'claude-sonnet-5'],
		['claude-sonnet-4-5', 'claude-sonnet-4-5'],
		['claude-opus-5-5', 'claude-opus-5-5'],
	]);

	it('reads a model’s prices under the watch’s field names, the one-hour cache write included', () => {
		const observation = readGenaiPrices(genaiPrices, 'anthropic', anthropic, '2026-11-30');
		expect(prices(observation, 'claude-opus-4-8')).toEqual({
			input: 5,
			output: 25,
			cacheRead: 0.5,
			cacheWrite: 6.25,
			'cacheWrite 60m': 10,
		});
	});

	it('matches ids exactly: a model the dataset lacks is not priced as its prefix', () => {
		const observation = readGenaiPrices(genaiPrices, 'anthropic', anthropic, '2026-11-30');
		expect(observation.listed.has('claude-opus-5-5')).toBe(false);
		expect(prices(observation, 'claude-opus-5-5')).toEqual({});
	});

	it('takes the dated price set in force on the day', () => {
		const before = readGenaiPrices(genaiPrices, 'anthropic', anthropic, '2026-08-31');
		const after = readGenaiPrices(genaiPrices, 'anthropic', anthropic, '2026-09-01');
		expect(prices(before, 'claude-sonnet-5').input).toBe(2);
		expect(prices(after, 'claude-sonnet-5').input).toBe(3);
	});

	it('reads thresholds as long-prompt bands', () => {
		const observation = readGenaiPrices(genaiPrices, 'anthropic', anthropic, '2026-11-30');
		expect(prices(observation, 'claude-sonnet-4-5')).toMatchObject({ input: 3, 'input over 200000': 6 });
	});

	it('refuses a dataset of the wrong shape, naming where, rather than reading prices of zero', () => {
		const broken = structuredClone(genaiPrices) as { models: { prices: Record<string, unknown> }[] }[];
		broken[0]!.models[0]!.prices = { input_mtok: 'free' };
		expect(() => readGenaiPrices(broken, 'anthropic', anthropic, '2026-11-30')).toThrow(UpstreamShapeError);
		expect(() => readGenaiPrices({ providers: [] }, 'anthropic', anthropic, '2026-11-30')).toThrow(
			/genai-prices/,
		);
		expect(() => readGenaiPrices(genaiPrices, 'nobody', anthropic, '2026-11-30')).toThrow(
			/no provider "nobody"/,
		);
	});
});

describe('readModelsDev', () => {
	const workersAi = new Map([
		['workers-ai-gpt-oss-120b', '@cf/openai/gpt-oss-120b'],
		['workers-ai-qwen3.8-27b', '@cf/qwen/qwen3.8-27b'],
	]);

	it('reads our models by their API ids', () => {
		const observation = readModelsDev(modelsDev, 'cloudflare-workers-ai', workersAi);
		expect([...observation.listed]).toEqual(['workers-ai-gpt-oss-120b']);
		expect(prices(observation, 'workers-ai-gpt-oss-120b')).toEqual({ input: 0.35, output: 0.75 });
	});

	it('reads "deprecated" as retired, which is what models.dev means by it', () => {
		const dataset = structuredClone(modelsDev) as Record<
			string,
			{ models: Record<string, { status?: string }> }
		>;
		dataset['cloudflare-workers-ai']!.models['@cf/openai/gpt-oss-120b']!.status = 'deprecated';
		expect(readModelsDev(dataset, 'cloudflare-workers-ai', workersAi).lifecycle).toEqual([
			{ item: 'workers-ai-gpt-oss-120b', status: 'retired' },
		]);
	});

	it('refuses a dataset of the wrong shape', () => {
		expect(() => readModelsDev([1, 2], 'groq', workersAi)).toThrow(UpstreamShapeError);
		expect(() => readModelsDev(modelsDev, 'nobody', workersAi)).toThrow(/no provider "nobody"/);
	});
});
