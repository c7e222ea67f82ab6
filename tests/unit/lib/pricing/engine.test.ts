import { describe, expect, it } from 'vitest';
import { estimateProduct } from '~/lib/pricing/estimate';
import { estimateLlm, lifecycleNotices } from '~/lib/pricing/llm-estimate';
import { cacheWritesPerDay, findModel, isSafeDefault, statusOn } from '~/lib/pricing/llm';
import { priceMeter } from '~/lib/pricing/meter';
import {
	LlmUsageSchema,
	METERED_PRODUCT_IDS,
	parseUsage,
	type MeteredProductId,
} from '~/lib/pricing/products';
import { MeterSchema } from '~/lib/pricing/price-sheet-schema';
import { meteredSheet } from '~/lib/pricing/catalog';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const { metered, llm } = loadPriceCatalog();
function estimate(product: MeteredProductId, usage: Record<string, unknown>, freeTier = true) {
	return estimateProduct(product, parseUsage(product, usage), meteredSheet(metered, product), { freeTier });
}

describe('price sheets in content/pricing', () => {
	it('exist for every metered product and carry every meter the product needs', () => {
		for (const product of METERED_PRODUCT_IDS) {
			expect(() => meteredSheet(metered, product), product).not.toThrow();
			expect(() => estimate(product, {})).not.toThrow();
		}
	});

	it('cover several LLM models from more than one provider', () => {
		expect(llm.flatMap((sheet) => sheet.models).length).toBeGreaterThanOrEqual(4);
		expect(new Set(llm.map((sheet) => sheet.provider)).size).toBeGreaterThanOrEqual(2);
	});
});

describe('priceMeter', () => {
	const tiered = MeterSchema.parse({
		id: 'egress',
		label: 'Egress',
		unit: 'GB',
		free: 100,
		tiers: [{ upTo: 10, usd: 1 }, { upTo: 50, usd: 0.5 }, { usd: 0.1 }],
	});

	it('spreads usage over the bands in order, one line per band used', () => {
		const items = priceMeter(tiered, 60, { freeTier: false });
		expect(items.map((item) => [item.label, item.quantity, item.usd])).toEqual([
			['Egress, first 10 GB', 10, 10],
			['Egress, 10–50 GB', 40, 20],
			['Egress, over 50 GB', 10, 1],
		]);
	});

	it('counts free usage inside the first bands: edges stay on total usage, as AWS bills', () => {
		// 160 GB with 100 free: the free 100 fill 0–50 and 50 GB more; 60 GB bill in the last band.
		const items = priceMeter(tiered, 160, { freeTier: true });
		expect(items.map((item) => [item.label, item.quantity, item.usd])).toEqual([
			['Egress, over 50 GB', 60, 6],
		]);
		const partly = MeterSchema.parse({ ...tiered, free: 4 });
		expect(priceMeter(partly, 12, { freeTier: true }).map((item) => [item.quantity, item.usd])).toEqual([
			[6, 6],
			[2, 1],
		]);
	});

	it('applies the free allowance only when the free tier is on', () => {
		expect(priceMeter(tiered, 5, { freeTier: true })[0]?.usd).toBe(0);
		expect(priceMeter(tiered, 5, { freeTier: false })[0]?.usd).toBe(5);
	});

	it('explains its arithmetic for "show the math"', () => {
		expect(priceMeter(tiered, 150, { freeTier: true })[0]?.formula).toBe(
			'150 GB in all, the first 100 included and free; 50 billed in this band × $0.1',
		);
		const flat = MeterSchema.parse({
			id: 'r',
			label: 'Requests',
			unit: 'M',
			unitSize: 1e6,
			included: 1e6,
			tiers: [{ usd: 2 }],
		});
		expect(priceMeter(flat, 3e6, { freeTier: true })[0]?.formula).toBe(
			'(3,000,000 − 1,000,000 included) ÷ 1,000,000 = 2 M × $2',
		);
	});

	it('refuses roundUp on a banded meter, which no provider we price does', () => {
		expect(() => MeterSchema.parse({ ...tiered, roundUp: true })).toThrow(
			/roundUp applies to one-price meters/,
		);
	});
});

describe('AWS rules from the pricing pages', () => {
	it('Lambda: Arm duration is billed at the Arm price, and requests the same', () => {
		const x86 = estimate('aws-lambda', { requests: 3_000_000, durationMs: 120, memoryMb: 1536 }, false);
		const arm = estimate(
			'aws-lambda',
			{ requests: 3_000_000, durationMs: 120, memoryMb: 1536, architecture: 'arm64' },
			false,
		);
		// 3M × 0.12 s × 1.5 GB = 540,000 GB-s
		expect(x86.lineItems.find((i) => i.id === 'duration-x86-1')?.quantity).toBe(540_000);
		expect(x86.totalUsd).toBeCloseTo(540_000 * 0.0000166667 + 0.6, 4);
		expect(arm.totalUsd).toBeCloseTo(540_000 * 0.0000133334 + 0.6, 4);
	});

	it('Lambda: rounds duration up to the next millisecond and bills only ephemeral storage above 512 MB', () => {
		const result = estimate(
			'aws-lambda',
			{ requests: 1000, durationMs: 99.2, memoryMb: 1024, ephemeralStorageMb: 1536 },
			false,
		);
		const storage = result.lineItems.find((i) => i.id === 'ephemeral-storage');
		// 1,000 × 0.1 s × 1 GB (the part above 512 MB)
		expect(storage?.quantity).toBeCloseTo(100, 6);
		expect(
			estimate('aws-lambda', { requests: 1000, durationMs: 100 }).lineItems.some(
				(i) => i.id === 'ephemeral-storage',
			),
		).toBe(false);
	});

	it('Lambda: the always-free tier covers 1 million requests and 400,000 GB-seconds', () => {
		expect(estimate('aws-lambda', { requests: 1_000_000, durationMs: 100, memoryMb: 1024 }).totalUsd).toBe(0);
	});

	it('API Gateway HTTP API: meters each request in 512 KB steps', () => {
		expect(estimate('aws-api-gateway-http', { requests: 1_000_000, requestSizeKb: 10 }).totalUsd).toBeCloseTo(
			1,
			6,
		);
		expect(
			estimate('aws-api-gateway-http', { requests: 1_000_000, requestSizeKb: 513 }).totalUsd,
		).toBeCloseTo(2, 6);
	});

	it('API Gateway HTTP API: $1.00 per million for the first 300 million, then $0.90', () => {
		expect(estimate('aws-api-gateway-http', { requests: 400_000_000 }).totalUsd).toBeCloseTo(300 + 90, 6);
	});

	it('S3: data transfer out is free for the first 100 GB, then tiered from $0.09 per GB', () => {
		const result = estimate('aws-s3', { egressGb: 5120 });
		expect(result.totalUsd).toBeCloseTo(5020 * 0.09, 6);
		expect(estimate('aws-s3', { egressGb: 5120 }, false).totalUsd).toBeCloseTo(5120 * 0.09, 6);
		// The free 100 GB sit inside the first 10 TB: 10,140 GB bill at $0.09, the rest at $0.085.
		expect(estimate('aws-s3', { egressGb: 20_580 }).totalUsd).toBeCloseTo(10_140 * 0.09 + 10_340 * 0.085, 6);
	});

	it('S3: storage and request prices per GB-month and per thousand requests', () => {
		const result = estimate('aws-s3', { storageGbMonth: 1000, putRequests: 100_000, getRequests: 1_000_000 });
		expect(result.totalUsd).toBeCloseTo(1000 * 0.023 + 100 * 0.005 + 1000 * 0.0004, 6);
	});

	it('CloudFront: the always-free tier covers 1 TB and 10 million requests', () => {
		expect(estimate('aws-cloudfront', { egressGb: 1024, requests: 10_000_000 }).totalUsd).toBe(0);
		expect(estimate('aws-cloudfront', { egressGb: 2048, requests: 20_000_000 }).totalUsd).toBeCloseTo(
			1024 * 0.085 + 1000 * 0.01,
			6,
		);
	});

	it('CloudFront: the free 1 TB sits inside the first 10 TB band, so 20 TB bills 9 TB at $0.085 and 10 TB at $0.080', () => {
		const result = estimate('aws-cloudfront', { egressGb: 20 * 1024 });
		expect(result.lineItems.map((item) => [item.quantity, item.unitPriceUsd])).toEqual([
			[9 * 1024, 0.085],
			[10 * 1024, 0.08],
		]);
	});

	it('Lambda: the free 400,000 GB-seconds are the first of the 6 billion in the first duration band', () => {
		// 6,000,400,000 GB-s: 400,000 free, 5,999,600,000 in band 1, 400,000 in band 2.
		const gbSeconds = 6_000_400_000;
		const result = estimate('aws-lambda', { requests: gbSeconds, durationMs: 1000, memoryMb: 1024 });
		const bands = result.lineItems.filter((item) => item.id.startsWith('duration-x86'));
		expect(bands.map((item) => item.quantity)).toEqual([5_999_600_000, 400_000]);
		expect(bands[1]?.unitPriceUsd).toBe(0.000015);
	});

	it('Lambda: the free million requests come off the top, at the one request price', () => {
		expect(estimate('aws-lambda', { requests: 3_000_000 }).lineItems[0]).toMatchObject({
			quantity: 2,
			usd: 0.4,
		});
	});
});

describe('estimateProduct', () => {
	it('names the price sheet, its date, its source and its review date on every estimate', () => {
		const result = estimate('cloudflare-d1', { rowsWritten: 60_000_000 });
		expect(result.priceSheet).toEqual({
			id: 'cloudflare-d1',
			asOf: '2026-11-30',
			source: 'https://developers.cloudflare.com/d1/platform/pricing/',
			reviewBy: '2027-05-29',
		});
		expect(result.totalUsd).toBeCloseTo(10, 6);
	});

	it('shows the Workers Paid monthly fee as its own line item', () => {
		expect(estimate('cloudflare-workers', {}).lineItems[0]).toMatchObject({
			id: 'base-fee',
			usd: 5,
			unit: 'month',
		});
	});
});

describe('estimateLlm', () => {
	const today = '2026-11-30';
	const usage = (fields: Record<string, unknown>) => LlmUsageSchema.parse(fields);

	it('prices input, cache reads, cache writes (at the chosen lifetime) and output per million tokens', () => {
		const result = estimateLlm(
			usage({
				model: 'claude-sonnet-4-6',
				inputTokens: 500e6,
				cachedInputTokens: 1500e6,
				cacheWriteTokens: 1e6,
				outputTokens: 300e6,
				cacheTtlMinutes: 60,
			}),
			llm,
			today,
		);
		expect(result.totalUsd).toBeCloseTo(500 * 3 + 1500 * 0.3 + 1 * 6 + 300 * 15, 6);
		expect(result.lineItems.map((item) => item.id)).toEqual([
			'input',
			'cached-input',
			'cache-write',
			'output',
		]);
		expect(result.lineItems[2]?.label).toBe('Claude Sonnet 4.6: Cache writes (1-hour lifetime)');
	});

	it('picks the prompt-length band from tokens per call and prices the whole call there (Haiku 5.5 over 100K)', () => {
		// 150,000 prompt tokens and 1,000 out: $0.075 + $0.0025 at the higher band.
		const long = estimateLlm(
			usage({ model: 'claude-haiku-5-5', inputTokens: 150_000, outputTokens: 1000, calls: 1 }),
			llm,
			today,
		);
		expect(long.totalUsd).toBeCloseTo(0.0775, 6);
		expect(long.lineItems[0]?.label).toContain('prompts over 100,000 tokens');
		const short = estimateLlm(
			usage({ model: 'claude-haiku-5-5', inputTokens: 90_000, outputTokens: 1000, calls: 1 }),
			llm,
			today,
		);
		expect(short.totalUsd).toBeCloseTo(0.0095, 6);
	});

	it('moves a GPT-6.2 Sol call over 272K prompt tokens to double input and 1.5 times output', () => {
		const result = estimateLlm(
			usage({ model: 'gpt-6.2-sol', inputTokens: 300_000, outputTokens: 5000, calls: 1 }),
			llm,
			today,
		);
		expect(result.totalUsd).toBeCloseTo(300_000 * 4e-6 + 5000 * 15e-6, 6);
	});

	it('answers for a retired model with its last prices, and lifecycleNotices says it retired: never a silent swap', () => {
		const result = estimateLlm(usage({ model: 'claude-sonnet-4-5', inputTokens: 1e6 }), llm, today);
		expect(result.productName).toBe('Anthropic Claude Sonnet 4.5');
		expect(result.totalUsd).toBeCloseTo(3, 6);
		expect(lifecycleNotices(findModel(llm, 'claude-sonnet-4-5')!, llm, today)[0]).toMatchObject({
			code: 'retired',
			successor: 'claude-sonnet-5-5',
		});
	});

	it('finds no model that is not in a sheet', () => {
		expect(findModel(llm, 'gpt-2')).toBeUndefined();
	});
});

describe('model lifecycles', () => {
	const sonnet45 = findModel(llm, 'claude-sonnet-4-5')!.model;

	it('move on by their dates: Sonnet 4.5 is deprecated on 2026-11-29 and retired from 2026-11-30', () => {
		expect(statusOn(sonnet45, '2026-11-29')).toBe('deprecated');
		expect(statusOn(sonnet45, '2026-11-30')).toBe('retired');
	});

	it('never offer as a default a model that retires within 30 days', () => {
		const gpt5 = findModel(llm, 'gpt-5')!.model;
		expect(isSafeDefault(gpt5, '2026-11-30')).toBe(false);
		expect(isSafeDefault(findModel(llm, 'claude-sonnet-5-5')!.model, '2026-11-30')).toBe(true);
		expect(isSafeDefault({ ...sonnet45, status: 'current', deprecatedOn: undefined }, '2026-10-30')).toBe(
			true,
		);
		expect(isSafeDefault({ ...sonnet45, status: 'current', deprecatedOn: undefined }, '2026-11-01')).toBe(
			false,
		);
	});
});

describe('cacheWritesPerDay', () => {
	it('writes once when traffic keeps a refreshed cache warm', () => {
		expect(cacheWritesPerDay(100_000, 24, 5, true)).toBe(1);
	});

	it('writes on most calls when they come further apart than the lifetime', () => {
		// One call every 48 minutes against a 5-minute cache: e^(-5/48) ≈ 0.90 of calls miss.
		expect(cacheWritesPerDay(10, 8, 5, true)).toBeCloseTo(1 + 9 * Math.exp(-5 / 48), 6);
	});

	it('rewrites an unrefreshed entry once per lifetime while traffic lasts', () => {
		// 24 hours of a call a second: a write every 60 minutes and a second.
		expect(cacheWritesPerDay(86_400, 24, 60, false)).toBeCloseTo(1440 / (60 + 1 / 60), 6);
	});
});
