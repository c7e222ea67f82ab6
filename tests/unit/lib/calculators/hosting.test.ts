import { describe, expect, it } from 'vitest';
import {
	costAgainstTraffic,
	estimateHosting,
	findCrossover,
	type HostingInput,
} from '~/lib/calculators/hosting/compute';
import { hostingCalculator } from '~/lib/calculators/hosting/calculator';
import { HOSTING_FIELDS } from '~/lib/calculators/hosting/fields';
import { defaultsOf } from '~/lib/calculators/fields';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const { metered } = loadPriceCatalog();
const profile: HostingInput = {
	...defaultsOf<HostingInput>(HOSTING_FIELDS),
	requests: 30_000_000,
	cpuMsPerRequest: 10,
	durationMsPerRequest: 50,
	memoryMb: 512,
	responseKb: (5 * 1024 * 1024 * 1024) / 30_000_000, // KB per response, so 5 TB a month in all
	storageGb: 0,
	objectWrites: 0,
	objectReads: 0,
	dbRowsReadPerRequest: 0,
	dbRowsWritten: 0,
	kvReadsPerRequest: 0,
	queueMessages: 0,
	delivery: 'direct',
	freeTier: false,
};

describe('estimateHosting', () => {
	it('matches the worked example in our infrastructure costs guide ($16.40 against $500.30)', () => {
		const result = estimateHosting(profile, metered);
		expect(result.edge.totalUsd).toBeCloseTo(16.4, 2);
		// The guide subtracts the 100 GB free transfer; with the free tier off the full 5 TB is billed.
		expect(result.serverless.totalUsd).toBeCloseTo(6 + 12.5 + 30 + 5120 * 0.09, 2);
		expect(estimateHosting({ ...profile, freeTier: true }, metered).serverless.totalUsd).toBeCloseTo(
			5.8 + (750_000 - 400_000) * 0.0000166667 + 30 + 5020 * 0.09,
			2,
		);
	});

	it('adds D1, KV and Queues to the edge stack only when the profile uses them', () => {
		const bare = estimateHosting(profile, metered).edge.estimates.map((e) => e.product);
		expect(bare).toEqual(['cloudflare-workers', 'cloudflare-r2']);
		const full = estimateHosting(
			{ ...profile, dbRowsReadPerRequest: 5, kvReadsPerRequest: 1, queueMessages: 1000 },
			metered,
		);
		expect(full.edge.estimates.map((e) => e.product)).toEqual([
			'cloudflare-workers',
			'cloudflare-r2',
			'cloudflare-d1',
			'cloudflare-kv',
			'cloudflare-queues',
		]);
	});

	it('counts a queue message over 64 KB as two chunks: six operations instead of three', () => {
		const queues = (queueMessageKb: number) =>
			estimateHosting({ ...profile, queueMessages: 10_000_000, queueMessageKb }, metered).edge.estimates.find(
				(e) => e.product === 'cloudflare-queues',
			)!;
		// 30 M operations, 1 M included: $11.60; at 100 KB, 60 M operations: $23.60.
		expect(queues(2).totalUsd).toBeCloseTo(11.6, 2);
		expect(queues(100).totalUsd).toBeCloseTo(23.6, 2);
	});

	it('an old link without a message size prices small messages, as it did', () => {
		expect(defaultsOf<HostingInput>(HOSTING_FIELDS).queueMessageKb).toBeLessThanOrEqual(64);
	});

	it('moves the bytes to CloudFront when the serverless stack serves through it', () => {
		const result = estimateHosting({ ...profile, delivery: 'cloudfront' }, metered);
		expect(result.serverless.estimates.map((e) => e.product)).toContain('aws-cloudfront');
		const s3 = result.serverless.estimates.find((e) => e.product === 'aws-s3');
		expect(s3?.totalUsd).toBe(0);
	});
});

describe('costAgainstTraffic and findCrossover', () => {
	it('finds where the cheaper stack changes as traffic grows', () => {
		// Tiny responses and no storage: Lambda's free tier wins at low traffic, Workers' flat fee at high traffic.
		const small = { ...profile, responseKb: 1, requests: 1_000_000, freeTier: true };
		const points = costAgainstTraffic(small, metered);
		expect(points[0]!.serverlessUsd).toBeLessThan(points[0]!.edgeUsd);
		expect(points.at(-1)!.serverlessUsd).toBeGreaterThan(points.at(-1)!.edgeUsd);
		const crossover = findCrossover(points)!;
		expect(crossover).toBeGreaterThan(points[0]!.requests);
		expect(crossover).toBeLessThan(points.at(-1)!.requests);
	});

	it('interpolates between two points', () => {
		expect(
			findCrossover([
				{ requests: 1, edgeUsd: 5, serverlessUsd: 1 },
				{ requests: 3, edgeUsd: 5, serverlessUsd: 9 },
			]),
		).toBe(2);
		expect(
			findCrossover([
				{ requests: 1, edgeUsd: 1, serverlessUsd: 2 },
				{ requests: 3, edgeUsd: 1, serverlessUsd: 9 },
			]),
		).toBeUndefined();
	});
});

describe('plan-limit warnings on the hosting fields', () => {
	it('warn past the Workers Free CPU limit and the Lambda duration limit', async () => {
		const { fieldWarnings } = await import('~/lib/calculators/fields');
		expect(fieldWarnings(HOSTING_FIELDS, { ...profile, cpuMsPerRequest: 5 })).toEqual([]);
		expect(fieldWarnings(HOSTING_FIELDS, { ...profile, cpuMsPerRequest: 50 })[0]).toMatch(
			/Workers Free plan stops at 10 ms/,
		);
		expect(fieldWarnings(HOSTING_FIELDS, { ...profile, durationMsPerRequest: 1_000_000 })).toEqual([
			expect.stringMatching(/30 seconds/),
			expect.stringMatching(/15 minutes/),
		]);
	});
});

describe('the price data the hosting island is sent', () => {
	it('has every price of the sheets, and neither the price watch’s settings nor the editors’ notes', () => {
		const catalog = loadPriceCatalog();
		const { sheets } = hostingCalculator.data(catalog);
		expect(sheets.map((sheet) => sheet.id)).toEqual(catalog.metered.map((sheet) => sheet.id));
		for (const [index, sheet] of sheets.entries()) {
			expect(sheet).not.toHaveProperty('watch');
			expect(sheet).not.toHaveProperty('notes');
			const { watch: _watch, notes: _notes, ...prices } = catalog.metered[index]!;
			expect(sheet).toEqual(prices);
		}
	});
});
