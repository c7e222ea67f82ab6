import { describe, expect, it } from 'vitest';
import { llmWatchedPrices, upstreamModelIds } from '~/lib/price-watch/llm-prices';
import { LlmPriceSheetSchema } from '~/lib/pricing/llm-sheet-schema';

const sheet = LlmPriceSheetSchema.parse({
	kind: 'llm',
	provider: 'Example AI',
	name: 'Example API',
	asOf: '2026-11-30',
	reviewEveryDays: 90,
	source: 'https://example.com/pricing',
	watch: { kind: 'manual', why: 'an example sheet for tests' },
	caching: { hitRefreshes: true, note: 'a hit refreshes the entry', source: 'https://example.com/caching' },
	models: [
		{
			id: 'example-pro',
			apiId: 'example/pro-001',
			name: 'Example Pro',
			released: '2026-10-01',
			status: 'current',
			contextWindow: 1000000,
			prices: {
				input: 2,
				output: 10,
				cacheRead: 0.2,
				cacheWrites: [
					{ ttlMinutes: 60, usd: 4 },
					{ ttlMinutes: 5, usd: 2.5 },
				],
			},
			longContext: [{ aboveInputTokens: 200000, input: 4, output: 15 }],
			scheduled: [{ from: '2026-12-01', prices: { input: 3, output: 12 } }],
			minCacheableTokens: 1024,
			sources: { prices: 'https://example.com/pricing', lifecycle: 'https://example.com/models' },
		},
	],
});

describe('llmWatchedPrices', () => {
	const fields = (today: string) =>
		Object.fromEntries(llmWatchedPrices(sheet, today).map((price) => [price.field, price.usd]));

	it('names the shortest cache write and the one-hour write apart, and each long-prompt band', () => {
		expect(fields('2026-11-30')).toEqual({
			input: 2,
			output: 10,
			cacheRead: 0.2,
			cacheWrite: 2.5,
			'cacheWrite 60m': 4,
			'input over 200000': 4,
			'output over 200000': 15,
		});
	});

	it('uses an announced change from its first day', () => {
		expect(fields('2026-12-01')).toMatchObject({ input: 3, output: 12 });
	});
});

describe('upstreamModelIds', () => {
	it('uses the watch’s override, else the API id, else ours', () => {
		expect(upstreamModelIds(sheet, {})).toEqual(new Map([['example-pro', 'example/pro-001']]));
		expect(upstreamModelIds(sheet, { 'example-pro': 'pro' })).toEqual(new Map([['example-pro', 'pro']]));
	});
});
