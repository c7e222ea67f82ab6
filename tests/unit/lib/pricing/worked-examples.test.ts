// The providers' own published worked examples, reproduced by the engine with our price sheets.
// Each test names its source; amounts are compared to the cent, as the providers print them.
import { describe, expect, it } from 'vitest';
import { estimateProduct } from '~/lib/pricing/estimate';
import { estimateLlm } from '~/lib/pricing/llm-estimate';
import { findModel } from '~/lib/pricing/llm';
import type { MeteredPriceSheet } from '~/lib/pricing/price-sheet-schema';
import { LlmUsageSchema, parseUsage, type MeteredProductId } from '~/lib/pricing/products';
import { meteredSheet } from '~/lib/pricing/catalog';
import { queueOperations } from '~/lib/pricing/product-meters';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const { metered } = loadPriceCatalog();

function estimate(
	product: MeteredProductId,
	usage: Record<string, unknown>,
	options = { freeTier: true },
	sheet?: MeteredPriceSheet & { id: string },
) {
	return estimateProduct(
		product,
		parseUsage(product, usage),
		sheet ?? meteredSheet(metered, product),
		options,
	);
}
const line = (result: ReturnType<typeof estimate>, id: string) =>
	result.lineItems.find((item) => item.id === id)?.usd;

describe('Cloudflare Workers: developers.cloudflare.com/workers/platform/pricing/#example-pricing', () => {
	it('Example 1: 15 million requests at 7 ms CPU cost $8.00', () => {
		const result = estimate('cloudflare-workers', { requests: 15_000_000, cpuMsPerRequest: 7 });
		expect(line(result, 'base-fee')).toBe(5);
		expect(line(result, 'requests')).toBeCloseTo(1.5, 2);
		expect(line(result, 'cpu-time')).toBeCloseTo(1.5, 2);
		expect(result.totalUsd).toBeCloseTo(8.0, 2);
	});

	it('Example 2: 15 million requests, 12 million of them static assets (free), cost $5.00', () => {
		const result = estimate('cloudflare-workers', { requests: 3_000_000, cpuMsPerRequest: 7 });
		expect(result.totalUsd).toBeCloseTo(5.0, 2);
	});

	it('Example 3: an hourly cron using 3 minutes of CPU costs $6.99', () => {
		const result = estimate('cloudflare-workers', { requests: 720, cpuMsPerRequest: 180_000 });
		expect(line(result, 'cpu-time')).toBeCloseTo(1.99, 2);
		expect(result.totalUsd).toBeCloseTo(6.99, 2);
	});

	it('Example 4: 100 million requests at 7 ms CPU cost $45.40', () => {
		const result = estimate('cloudflare-workers', { requests: 100_000_000, cpuMsPerRequest: 7 });
		expect(line(result, 'requests')).toBeCloseTo(27, 2);
		expect(line(result, 'cpu-time')).toBeCloseTo(13.4, 2);
		expect(result.totalUsd).toBeCloseTo(45.4, 2);
	});

	it('keeps the included usage even with the free tier switched off, since it is part of the plan', () => {
		const result = estimate(
			'cloudflare-workers',
			{ requests: 15_000_000, cpuMsPerRequest: 7 },
			{ freeTier: false },
		);
		expect(result.totalUsd).toBeCloseTo(8.0, 2);
	});
});

describe('Cloudflare R2: developers.cloudflare.com/r2/pricing/#r2-billing-examples', () => {
	it('Standard storage example: 1,000 objects of 1 GB read 1,000 times each cost $14.85', () => {
		const result = estimate('cloudflare-r2', { storageGbMonth: 1000, classAOps: 1000, classBOps: 1_000_000 });
		expect(line(result, 'storage')).toBeCloseTo(14.85, 2);
		expect(result.totalUsd).toBeCloseTo(14.85, 2);
	});

	it('Asset hosting example: 100,000 files and 10 million reads a day cost $104.40', () => {
		const result = estimate('cloudflare-r2', {
			storageGbMonth: 10,
			classAOps: 100_000,
			classBOps: 300_000_000,
		});
		expect(line(result, 'class-b')).toBeCloseTo(104.4, 2);
		expect(result.totalUsd).toBeCloseTo(104.4, 2);
	});

	it('rounds billable usage up to the next unit, as the pricing page says (1,000,001 operations bill as 2 million)', () => {
		const result = estimate('cloudflare-r2', { classAOps: 1_000_001 }, { freeTier: false });
		expect(line(result, 'class-a')).toBeCloseTo(9.0, 2);
		const storage = estimate('cloudflare-r2', { storageGbMonth: 1.1 }, { freeTier: false });
		expect(line(storage, 'storage')).toBeCloseTo(0.03, 2);
	});

	it('never charges for egress', () => {
		expect(estimate('cloudflare-r2', { egressGb: 500_000 }).totalUsd).toBe(0);
	});
});

describe('Cloudflare Queues: developers.cloudflare.com/queues/platform/pricing/#examples', () => {
	it('one million small messages a day (3 operations each, 30 days) cost $35.60', () => {
		expect(estimate('cloudflare-queues', { operations: 3 * 30 * 1_000_000 }).totalUsd).toBeCloseTo(35.6, 2);
	});

	it('100 million ~127 KB messages a month (two 64 KB chunks, 3 operations each) cost $239.60', () => {
		expect(estimate('cloudflare-queues', { operations: 2 * 3 * 100_000_000 }).totalUsd).toBeCloseTo(239.6, 2);
	});

	it('counts a 65 KB and a 127 KB message as two operations each way, as the page says', () => {
		expect(queueOperations(1, 65)).toBe(6);
		expect(queueOperations(1, 127)).toBe(6);
		expect(queueOperations(1, 64)).toBe(3);
		expect(
			estimate('cloudflare-queues', { operations: queueOperations(100_000_000, 127) }).totalUsd,
		).toBeCloseTo(239.6, 2);
	});
});

describe('Cloudflare Workers Caching: developers.cloudflare.com/workers/platform/pricing/#example-pricing', () => {
	it('Example 5: Example 4 with an 80% cache hit rate bills every request but CPU only on misses, $34.20', () => {
		// 100 million requests billed; 20 million run the Worker at 7 ms, 1.4 ms a request on average.
		const result = estimate('cloudflare-workers', { requests: 100_000_000, cpuMsPerRequest: 1.4 });
		expect(line(result, 'requests')).toBeCloseTo(27, 2);
		expect(line(result, 'cpu-time')).toBeCloseTo(2.2, 2);
		expect(result.totalUsd).toBeCloseTo(34.2, 2);
	});
});

describe('AWS S3: the S3 FAQ, "How will I be charged and billed for my use of Amazon S3?"', () => {
	it('storage: 52,900 GB-months cost $1,215.00 (51,200 GB at $0.023, 1,700 GB at $0.022)', () => {
		expect(estimate('aws-s3', { storageGbMonth: 52_900 }).totalUsd).toBeCloseTo(1215, 2);
	});

	it('requests: 310,000 PUTs cost $1.55 and 620,000 GETs $0.25', () => {
		expect(line(estimate('aws-s3', { putRequests: 310_000 }), 'put-requests')).toBeCloseTo(1.55, 2);
		expect(line(estimate('aws-s3', { getRequests: 620_000 }), 'get-requests')).toBeCloseTo(0.25, 2);
	});

	it('data transfer out: 62 TB with the free GB inside the first 10 TB band cost $5,263.27', () => {
		// Published when 1 GB a month was free (before December 2021): the first band bills
		// 10,239 GB, so free usage sits inside it and band edges stay on total usage.
		const sheetAsPublished = {
			...meteredSheet(metered, 'aws-s3'),
			meters: meteredSheet(metered, 'aws-s3').meters.map((meter) =>
				meter.id === 'egress' ? { ...meter, free: 1 } : meter,
			),
		};
		const result = estimate('aws-s3', { egressGb: 62 * 1024 }, { freeTier: true }, sheetAsPublished);
		expect(result.lineItems.map((item) => [item.quantity, item.usd])).toEqual([
			[10_239, 921.51],
			[40_960, 3481.6],
			[12_288, 860.16],
		]);
		expect(result.totalUsd).toBeCloseTo(5263.27, 2);
	});
});

describe('AWS API Gateway HTTP APIs: aws.amazon.com/api-gateway/pricing/ (HTTP API examples)', () => {
	it('Example 1: 432 million requests a month cost $418.80 (300 M at $1.00, 132 M at $0.90)', () => {
		const result = estimate('aws-api-gateway-http', { requests: 10_000 * 60 * 24 * 30, requestSizeKb: 12 });
		expect(result.lineItems.map((item) => item.usd)).toEqual([300, 118.8]);
		expect(result.totalUsd).toBeCloseTo(418.8, 2);
	});

	it('Example 2: 25 uploads a minute of 4.5 MB each count in 512 KB steps and cost $9.72', () => {
		const result = estimate('aws-api-gateway-http', {
			requests: 25 * 60 * 24 * 30,
			requestSizeKb: 4.5 * 1024,
		});
		expect(result.totalUsd).toBeCloseTo(9.72, 2);
	});

	it('has no third band: 2 billion requests bill 300 M at $1.00 and the rest at $0.90', () => {
		expect(estimate('aws-api-gateway-http', { requests: 2e9 }).totalUsd).toBeCloseTo(300 + 1700 * 0.9, 2);
	});
});

describe('AWS Lambda: aws.amazon.com/lambda/pricing/ (current examples, $0.0000166667 per GB-s)', () => {
	it('Example 1 (mobile backend): 3 M requests of 120 ms at 1,536 MB cost $2.73 after the free tier', () => {
		const result = estimate('aws-lambda', { requests: 3_000_000, durationMs: 120, memoryMb: 1536 });
		expect(line(result, 'duration-x86-1')).toBeCloseTo(2.33, 2);
		expect(line(result, 'requests')).toBeCloseTo(0.4, 2);
		expect(result.totalUsd).toBeCloseTo(2.73, 2);
	});

	it('Example 2 (telemetry): 7.44 M requests of 2 s at 1,024 MB cost $249.49, priced without the free tier', () => {
		const result = estimate(
			'aws-lambda',
			{ requests: 7_440_000, durationMs: 2000, memoryMb: 1024 },
			{ freeTier: false },
		);
		expect(line(result, 'requests')).toBeCloseTo(1.49, 2);
		expect(line(result, 'duration-x86-1')).toBeCloseTo(248, 2);
		expect(result.totalUsd).toBeCloseTo(249.49, 2);
	});

	it('Example 3 (ML): 6 M requests of 280 ms at 4,096 MB with 2,048 MB ephemeral storage cost $106.41', () => {
		const result = estimate('aws-lambda', {
			requests: 6_000_000,
			durationMs: 280,
			memoryMb: 4096,
			ephemeralStorageMb: 2048,
		});
		expect(line(result, 'duration-x86-1')).toBeCloseTo(105.33, 2);
		expect(line(result, 'requests')).toBeCloseTo(1, 2);
		expect(line(result, 'ephemeral-storage')).toBeCloseTo(0.08, 2);
		expect(result.totalUsd).toBeCloseTo(106.41, 2);
	});
});

describe('AWS Lambda: aws.amazon.com/lambda/pricing/ (examples published with a duration price of $0.00001667 per GB-s)', () => {
	// These examples predate AWS quoting the price to ten decimals ($0.0000166667); they are
	// reproduced with the price they were published with, and the free tier they assumed.
	const sheetAsPublished = {
		...meteredSheet(metered, 'aws-lambda'),
		meters: meteredSheet(metered, 'aws-lambda').meters.map((meter) =>
			meter.id === 'duration-x86' ? { ...meter, tiers: [{ usd: 0.00001667 }] } : meter,
		),
	};

	it('Example 1: 512 MB, 3 million invocations of 1 s cost $18.74 ($18.34 compute + $0.40 requests)', () => {
		const result = estimate(
			'aws-lambda',
			{ requests: 3_000_000, durationMs: 1000, memoryMb: 512 },
			{ freeTier: true },
			sheetAsPublished,
		);
		expect(line(result, 'duration-x86')).toBeCloseTo(18.34, 2);
		expect(line(result, 'requests')).toBeCloseTo(0.4, 2);
		expect(result.totalUsd).toBeCloseTo(18.74, 2);
	});

	it('Example 2: 128 MB, 30 million invocations of 200 ms cost $11.63 ($5.83 compute + $5.80 requests)', () => {
		const result = estimate(
			'aws-lambda',
			{ requests: 30_000_000, durationMs: 200, memoryMb: 128 },
			{ freeTier: true },
			sheetAsPublished,
		);
		expect(line(result, 'duration-x86')).toBeCloseTo(5.83, 2);
		expect(line(result, 'requests')).toBeCloseTo(5.8, 2);
		expect(result.totalUsd).toBeCloseTo(11.63, 2);
	});
});

describe('Anthropic: platform.claude.com/docs/en/about-claude/pricing (worked example and caching break-even)', () => {
	const { llm } = loadPriceCatalog('2026-11-30');
	const tokens = (fields: Record<string, unknown>) =>
		estimateLlm(LlmUsageSchema.parse({ model: 'claude-opus-5', ...fields }), llm, '2026-11-30').totalUsd;
	// The example is a one-hour Managed Agents session; its $0.08 runtime fee is not a token price.
	const RUNTIME_USD = 0.08;

	it('a session of 50,000 input and 15,000 output tokens on Claude Opus 5 costs $0.705', () => {
		expect(tokens({ inputTokens: 50_000, outputTokens: 15_000 }) + RUNTIME_USD).toBeCloseTo(0.705, 6);
	});

	it('the same session with 40,000 of the input read from the cache costs $0.525', () => {
		expect(
			tokens({ inputTokens: 10_000, cachedInputTokens: 40_000, outputTokens: 15_000 }) + RUNTIME_USD,
		).toBeCloseTo(0.525, 6);
	});

	it('caching pays off after one read with the 5-minute cache and after two with the 1-hour cache', () => {
		const prefix = 10_000;
		const uncached = (calls: number) => tokens({ inputTokens: prefix * calls });
		const cached = (ttl: number, reads: number) =>
			tokens({ cacheWriteTokens: prefix, cachedInputTokens: prefix * reads, cacheTtlMinutes: ttl });
		expect(cached(5, 1)).toBeLessThan(uncached(2));
		expect(cached(60, 1)).toBeGreaterThan(uncached(2));
		expect(cached(60, 2)).toBeLessThan(uncached(3));
	});
});

describe('OpenAI: cookbook "Prompt Caching 201", section 4.1 (github.com/openai/openai-cookbook)', () => {
	const { llm } = loadPriceCatalog('2026-11-30');
	const cost = (inputTokens: number, cachedInputTokens: number) =>
		estimateLlm(LlmUsageSchema.parse({ model: 'gpt-5', inputTokens, cachedInputTokens }), llm, '2026-11-30')
			.totalUsd;
	const saving = (hitShare: number) => 1 - cost(1100 * (1 - hitShare), 1100 * hitShare) / cost(900, 0);

	it('padding a 900-token prompt to 1,100 saves 33% at a 50% cache-hit rate', () => {
		expect(Math.round(saving(0.5) * 100)).toBe(33);
	});

	it('and 55% at a 70% cache-hit rate', () => {
		expect(Math.round(saving(0.7) * 100)).toBe(55);
	});
});

describe('Cloudflare Workers AI: developers.cloudflare.com/workers-ai/platform/pricing/ (Neurons at $0.011 per 1,000)', () => {
	const { llm } = loadPriceCatalog('2026-11-30');
	const price = (id: string) => findModel(llm, id)!.model.prices;

	it.each([
		['workers-ai-gpt-oss-120b', 31_818, 68_182],
		['workers-ai-gpt-oss-20b', 18_182, 27_273],
		['workers-ai-llama-3.3-70b', 26_668, 204_805],
	])('%s costs its Neurons per million tokens at $0.011 per 1,000', (id, inputNeurons, outputNeurons) => {
		expect(price(id).input).toBeCloseTo((inputNeurons * 0.011) / 1000, 3);
		expect(price(id).output).toBeCloseTo((outputNeurons * 0.011) / 1000, 3);
	});
});
