import { describe, expect, it } from 'vitest';
import {
	DAYS_PER_MONTH,
	estimateAiSpend,
	type AiSpendData,
	type AiSpendInput,
} from '~/lib/calculators/ai-spend/compute';
import { aiSpendCalculator } from '~/lib/calculators/ai-spend/calculator';
import { AI_SPEND_PRESETS, modelOptions } from '~/lib/calculators/ai-spend/fields';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog('2026-11-30');
const data: AiSpendData = aiSpendCalculator.data(catalog);
const ONE_MILLION_A_MONTH = 1_000_000 / DAYS_PER_MONTH;

const base: AiSpendInput = {
	requestsPerDay: ONE_MILLION_A_MONTH,
	inputTokens: 2000,
	outputTokens: 300,
	model: 'claude-sonnet-5-5',
	cheapModel: 'claude-haiku-5-5',
	routedPct: 0,
	responseCacheHitPct: 0,
	cachedPrefixPct: 0,
	activeHoursPerDay: 24,
	batch: false,
};
const line = (result: ReturnType<typeof estimateAiSpend>, id: string, index = 0) =>
	result.estimates[index]?.lineItems.find((item) => item.id === id);

describe('estimateAiSpend', () => {
	it('without caching or routing equals the baseline: a million calls on Sonnet 5.5 cost $7,000', () => {
		const result = estimateAiSpend(base, data);
		expect(result.monthlyUsd).toBeCloseTo(2000 * 2 + 300 * 10, 2);
		expect(result.savingsUsd).toBeCloseTo(0, 6);
	});

	it('a response-cache hit skips the model entirely', () => {
		expect(estimateAiSpend({ ...base, responseCacheHitPct: 20 }, data).monthlyUsd).toBeCloseTo(7000 * 0.8, 2);
	});

	it('routing a share of calls to a cheaper model prices them at that model', () => {
		const result = estimateAiSpend({ ...base, routedPct: 50 }, data);
		expect(result.estimates.map((e) => e.productName)).toEqual([
			'Anthropic Claude Sonnet 5.5',
			'Anthropic Claude Haiku 5.5',
		]);
		expect(result.monthlyUsd).toBeCloseTo(3500 + (1000 * 0.1 + 150 * 0.5), 2);
	});
});

describe('prompt caching honours each model’s minimum prefix', () => {
	// The "Ticket classification" preset on the models the calculator used to default to.
	const classification: AiSpendInput = {
		...base,
		...AI_SPEND_PRESETS.find((preset) => preset.id === 'classification')!.values,
		model: 'claude-sonnet-4-5',
		cheapModel: 'claude-haiku-4-5',
	};

	it('caches nothing below it: a 680-token prefix on Sonnet 4.5 and Haiku 4.5 bills about $3,835, not $1,255', () => {
		const result = estimateAiSpend(classification, data);
		expect(result.monthlyUsd).toBeCloseTo(3835.05, 0);
		expect(result.cache.every((plan) => !plan.cached)).toBe(true);
		const why = result.notices.filter((notice) => notice.code === 'below-cache-minimum');
		expect(why.map((notice) => notice.field)).toEqual(['cachedPrefixPct', 'cachedPrefixPct']);
		expect(why[0]?.message).toMatch(/680 tokens.*nothing shorter than 1,024/);
		expect(why[1]?.message).toMatch(/nothing shorter than 4,096/);
	});

	it('caches the same prefix on models whose minimum it clears (512 tokens on Sonnet 5.5)', () => {
		const result = estimateAiSpend({ ...classification, model: 'claude-sonnet-5-5', routedPct: 0 }, data);
		expect(result.cache[0]?.cached).toBe(true);
		expect(result.notices.some((notice) => notice.code === 'below-cache-minimum')).toBe(false);
	});

	it('OpenAI cookbook, Prompt Caching 201: a 900-token prompt never caches on GPT-5', () => {
		const result = estimateAiSpend({ ...base, model: 'gpt-5', inputTokens: 900, cachedPrefixPct: 100 }, data);
		expect(result.cache[0]?.cached).toBe(false);
		expect(result.notices.map((notice) => notice.code)).toContain('below-cache-minimum');
	});
});

describe('cache writes follow each provider’s rule', () => {
	it('a busy Anthropic prefix is written about once a day, not every five minutes: a hit refreshes it', () => {
		const result = estimateAiSpend({ ...base, cachedPrefixPct: 75 }, data);
		const plan = result.cache[0]!;
		expect(plan.cached).toBe(true);
		expect(plan.writesPerMonth).toBeLessThan(DAYS_PER_MONTH + 1);
		// 500 fresh tokens at $2, 1,500 read at $0.10 for (nearly) every call, output at $10.
		expect(result.monthlyUsd).toBeCloseTo(1000 + 150 + 3000, 0);
		expect(line(result, 'cache-write')?.label).toContain('5-minute');
	});

	it('writes recur after idle gaps: at 100 calls over 8 hours the 1-hour cache is the cheaper choice', () => {
		const quiet = { ...base, requestsPerDay: 100, activeHoursPerDay: 8, cachedPrefixPct: 75 };
		const result = estimateAiSpend(quiet, data);
		expect(result.cache[0]?.ttlMinutes).toBe(60);
		expect(result.cache[0]?.writesPerMonth).toBeCloseTo(DAYS_PER_MONTH, 0);
		expect(line(result, 'cache-write')?.unitPriceUsd).toBe(4);
	});

	it('OpenAI before GPT-5.6: the call that fills the cache pays the input price, not $0', () => {
		const result = estimateAiSpend(
			{ ...base, model: 'gpt-5', requestsPerDay: 100, activeHoursPerDay: 8, cachedPrefixPct: 75 },
			data,
		);
		expect(line(result, 'cache-write')?.unitPriceUsd).toBe(1.25);
	});

	it('OpenAI from GPT-5.6: a write costs 1.25 times input ($2.50 on GPT-6.2 Sol)', () => {
		const result = estimateAiSpend({ ...base, model: 'gpt-6.2-sol', cachedPrefixPct: 75 }, data);
		expect(line(result, 'cache-write')?.unitPriceUsd).toBe(2.5);
		expect(line(result, 'cached-input')?.unitPriceUsd).toBe(0.1);
	});

	it('a model without caching prices the whole prompt as input, and says so next to the field', () => {
		const result = estimateAiSpend({ ...base, model: 'workers-ai-gpt-oss-120b', cachedPrefixPct: 75 }, data);
		expect(result.monthlyUsd).toBeCloseTo(2000 * 0.35 + 300 * 0.75, 2);
		expect(result.notices).toContainEqual(
			expect.objectContaining({ code: 'no-caching', field: 'cachedPrefixPct' }),
		);
	});
});

describe('batch pricing', () => {
	it('halves Anthropic input, output and cache prices', () => {
		const plain = estimateAiSpend({ ...base, cachedPrefixPct: 75 }, data).monthlyUsd;
		expect(estimateAiSpend({ ...base, cachedPrefixPct: 75, batch: true }, data).monthlyUsd).toBeCloseTo(
			plain / 2,
			2,
		);
	});

	it('on Groq, does not stack with the cache discount: cached tokens bill at the batch input price', () => {
		const result = estimateAiSpend(
			{ ...base, model: 'groq-gpt-oss-120b', cachedPrefixPct: 75, batch: true },
			data,
		);
		expect(line(result, 'input')?.unitPriceUsd).toBe(0.075);
		expect(line(result, 'cached-input')?.unitPriceUsd).toBe(0.075);
	});

	it('says so when a host offers no batch discount (Workers AI) and keeps standard prices', () => {
		const result = estimateAiSpend({ ...base, model: 'workers-ai-gpt-oss-20b', batch: true }, data);
		expect(result.monthlyUsd).toBeCloseTo(2000 * 0.2 + 300 * 0.3, 2);
		expect(result.notices).toContainEqual(expect.objectContaining({ code: 'no-batch', field: 'batch' }));
	});
});

describe('tokenizers', () => {
	it('routing from a newer-tokenizer Claude to Haiku 4.5 prices the routed calls on about 77% of the tokens', () => {
		const result = estimateAiSpend({ ...base, routedPct: 100, cheapModel: 'claude-haiku-4-5' }, data);
		expect(result.estimates[1]?.lineItems.find((item) => item.id === 'input')?.quantity).toBeCloseTo(
			2000 / 1.3,
			0,
		);
		expect(result.notices).toContainEqual(
			expect.objectContaining({ code: 'tokenizer', field: 'cheapModel' }),
		);
	});
});

describe('lifecycles', () => {
	it('a retired model still prices, with a notice naming the date and its successor priced beside it', () => {
		const result = estimateAiSpend({ ...base, model: 'claude-sonnet-4-5' }, data);
		expect(result.monthlyUsd).toBeCloseTo(2000 * 3 + 300 * 15, 2);
		expect(result.notices[0]).toMatchObject({ code: 'retired', successor: 'claude-sonnet-5-5' });
		expect(result.notices[0]?.message).toContain('retired on 2026-11-30');
		expect(result.successors).toEqual([
			expect.objectContaining({ field: 'model', to: 'claude-sonnet-5-5', monthlyUsd: 7000 }),
		]);
	});

	it('a deprecated model says when it retires', () => {
		const result = estimateAiSpend({ ...base, model: 'gpt-5' }, data);
		expect(result.notices[0]?.message).toMatch(/GPT-5 is deprecated and retires on 2026-12-11; GPT-6.1 Sol/);
		expect(result.successors[0]?.to).toBe('gpt-6.1-sol');
	});

	it('lists retired models as hidden choices, so an old link still opens', () => {
		const options = modelOptions(data);
		expect(options.find((option) => option.value === 'claude-sonnet-4-5')).toMatchObject({
			hidden: true,
			label: 'Claude Sonnet 4.5 (retired 2026-11-30)',
		});
		expect(options.find((option) => option.value === 'gpt-5')?.label).toBe('GPT-5 (retires 2026-12-11)');
	});
});

describe('scheduled price changes', () => {
	const argon = { ...base, model: 'gemini-4-argon' };

	it('prices Gemini 4 Argon at its introductory $2/$10 today and warns of the change', () => {
		const result = estimateAiSpend(argon, data);
		expect(result.monthlyUsd).toBeCloseTo(2000 * 2 + 300 * 10, 2);
		expect(result.notices.map((notice) => notice.code)).toContain('price-change');
	});

	it('prices it at $4/$20 from 2026-12-01', () => {
		const tomorrow = { ...data, today: '2026-12-01' };
		expect(estimateAiSpend(argon, tomorrow).monthlyUsd).toBeCloseTo(2000 * 4 + 300 * 20, 2);
	});
});
