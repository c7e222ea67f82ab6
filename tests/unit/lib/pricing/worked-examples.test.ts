// The providers' own published worked examples, reproduced by the engine with our price sheets.
// Each test names its source; amounts are compared to the cent, as the providers print them.
import { describe, expect, it } from 'vitest';
import { estimateProduct } from '~/lib/pricing/estimate';
import type { MeteredPriceSheet } from '~/lib/pricing/price-sheet-schema';
import { parseUsage, type MeteredProductId } from '~/lib/pricing/products';
import { meteredSheet } from '~/lib/pricing/catalog';
import { loadPriceCatalog } from '../../../support/content-data';

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
