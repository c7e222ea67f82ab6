import { describe, expect, it } from 'vitest';
import {
	CACHE_WRITES_PER_MONTH,
	DAYS_PER_MONTH,
	estimateAiSpend,
	spendAgainstHitRate,
	type AiSpendInput,
} from '~/lib/calculators/ai-spend/compute';
import { loadPriceCatalog } from '../../../support/content-data';

const { llm } = loadPriceCatalog();
const base: AiSpendInput = {
	requestsPerDay: 1_000_000 / DAYS_PER_MONTH, // one million calls a month
	inputTokens: 2000,
	outputTokens: 300,
	model: 'claude-sonnet-4-5',
	cheapModel: 'claude-haiku-4-5',
	routedPct: 0,
	responseCacheHitPct: 0,
	cachedPrefixPct: 0,
};

describe('estimateAiSpend', () => {
	it('without caching or routing equals the baseline: the guide example of $10,500 a month', () => {
		const result = estimateAiSpend(base, llm);
		expect(result.monthlyUsd).toBeCloseTo(6000 + 4500, 2);
		expect(result.savingsUsd).toBeCloseTo(0, 6);
	});

	it('prompt caching bills the cached prefix at the cache-read price, plus periodic cache writes', () => {
		const result = estimateAiSpend({ ...base, cachedPrefixPct: 75 }, llm);
		const writes = CACHE_WRITES_PER_MONTH * 1500;
		const expected =
			500 * 3 + ((1_000_000 - CACHE_WRITES_PER_MONTH) * 1500 * 0.3) / 1e6 + (writes * 3.75) / 1e6 + 4500;
		expect(result.monthlyUsd).toBeCloseTo(expected, 2);
	});

	it('a response-cache hit skips the model entirely', () => {
		expect(estimateAiSpend({ ...base, responseCacheHitPct: 20 }, llm).monthlyUsd).toBeCloseTo(
			10_500 * 0.8,
			2,
		);
	});

	it('routing a share of calls to a cheaper model prices them at that model', () => {
		const result = estimateAiSpend({ ...base, routedPct: 50 }, llm);
		expect(result.estimates.map((e) => e.lineItems[0]?.label.split(':')[0])).toEqual([
			'Claude Sonnet 4.5',
			'Claude Haiku 4.5',
		]);
		expect(result.monthlyUsd).toBeCloseTo(10_500 / 2 + (1000 * 1 + 150 * 5), 2);
	});
});

describe('spendAgainstHitRate', () => {
	it('falls steadily as more responses come from the cache', () => {
		const points = spendAgainstHitRate(base, llm).map((point) => point.monthlyUsd);
		expect(points).toHaveLength(10);
		for (let i = 1; i < points.length; i++) expect(points[i]).toBeLessThan(points[i - 1]!);
	});
});
