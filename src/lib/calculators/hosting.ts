import { z } from 'zod';
import { estimateProduct, type Estimate } from '../pricing/estimate.ts';
import type { MeteredPriceSheet } from '../pricing/price-sheet-schema.ts';
import type { MeteredProductId } from '../pricing/products.ts';

const amount = (description: string) =>
	z.coerce
		.number({ error: 'must be a number' })
		.finite()
		.nonnegative('must not be negative')
		.describe(description);

/** A month of traffic, described once and priced on both platforms. */
export const HostingInputSchema = z.strictObject({
	requests: amount('Dynamic requests per month, e.g. 30000000'),
	cpuMsPerRequest: amount('CPU time per request on Workers, in ms, e.g. 10'),
	durationMsPerRequest: amount('Duration per invocation on Lambda, in ms (includes waiting), e.g. 50'),
	memoryMb: z.coerce
		.number({ error: 'must be a number' })
		.int()
		.min(128, 'at least 128 MB')
		.max(10240, 'at most 10,240 MB')
		.describe('Lambda memory, MB'),
	responseKb: amount('Average response size, KB, e.g. 20'),
	storageGb: amount('Stored objects, GB, e.g. 100'),
	objectWrites: amount('Object writes per month, e.g. 100000'),
	objectReads: amount('Object reads per month, e.g. 1000000'),
	dbRowsReadPerRequest: amount('D1 rows read per request (0 to leave D1 out), e.g. 5'),
	dbRowsWritten: amount('D1 rows written per month'),
	kvReadsPerRequest: amount('KV reads per request (0 to leave KV out)'),
	queueMessages: amount('Queue messages per month (0 to leave Queues out)'),
	delivery: z
		.enum(['direct', 'cloudfront'], { error: 'must be "direct" or "cloudfront"' })
		.describe('How the serverless stack serves bytes'),
	freeTier: z.coerce.boolean().describe('Apply the providers’ free allowances'),
});

export type HostingInput = z.infer<typeof HostingInputSchema>;

export interface StackEstimate {
	totalUsd: number;
	estimates: Estimate[];
}

export interface HostingResult {
	edge: StackEstimate;
	serverless: StackEstimate;
}

type Sheets = ReadonlyMap<string, MeteredPriceSheet & { id: string }>;

const GB_PER_KB = 1 / (1024 * 1024);

function stack(
	sheets: Sheets,
	freeTier: boolean,
	parts: [MeteredProductId, Record<string, unknown>][],
): StackEstimate {
	const estimates = parts.map(([product, usage]) => {
		const sheet = sheets.get(product);
		if (!sheet) throw new Error(`No price sheet for ${product}`);
		return estimateProduct(product, usage, sheet, { freeTier });
	});
	return { totalUsd: Math.round(estimates.reduce((sum, e) => sum + e.totalUsd, 0) * 1e6) / 1e6, estimates };
}

/**
 * Prices the same month of traffic on the edge (Workers + R2, plus D1, KV and Queues when used)
 * and on serverless AWS (Lambda + API Gateway + S3, serving bytes directly or through CloudFront).
 */
export function estimateHosting(input: HostingInput, sheets: Sheets): HostingResult {
	const egressGb = input.requests * input.responseKb * GB_PER_KB;
	const edgeParts: [MeteredProductId, Record<string, unknown>][] = [
		['cloudflare-workers', { requests: input.requests, cpuMsPerRequest: input.cpuMsPerRequest }],
		[
			'cloudflare-r2',
			{
				storageGbMonth: input.storageGb,
				classAOps: input.objectWrites,
				classBOps: input.objectReads,
				egressGb,
			},
		],
	];
	if (input.dbRowsReadPerRequest > 0 || input.dbRowsWritten > 0) {
		edgeParts.push([
			'cloudflare-d1',
			{ rowsRead: input.requests * input.dbRowsReadPerRequest, rowsWritten: input.dbRowsWritten },
		]);
	}
	if (input.kvReadsPerRequest > 0)
		edgeParts.push(['cloudflare-kv', { reads: input.requests * input.kvReadsPerRequest }]);
	// A small message is written, read and deleted: three operations.
	if (input.queueMessages > 0) edgeParts.push(['cloudflare-queues', { operations: input.queueMessages * 3 }]);

	const serverlessParts: [MeteredProductId, Record<string, unknown>][] = [
		[
			'aws-lambda',
			{ requests: input.requests, durationMs: input.durationMsPerRequest, memoryMb: input.memoryMb },
		],
		['aws-api-gateway-http', { requests: input.requests }],
		[
			'aws-s3',
			{
				storageGbMonth: input.storageGb,
				putRequests: input.objectWrites,
				getRequests: input.objectReads,
				egressGb: input.delivery === 'direct' ? egressGb : 0,
			},
		],
	];
	if (input.delivery === 'cloudfront')
		serverlessParts.push(['aws-cloudfront', { egressGb, requests: input.requests }]);

	return {
		edge: stack(sheets, input.freeTier, edgeParts),
		serverless: stack(sheets, input.freeTier, serverlessParts),
	};
}

/** Traffic multipliers for the cost-against-traffic chart: 1/10 to 100 times the profile. */
export const TRAFFIC_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100] as const;

export interface TrafficPoint {
	requests: number;
	edgeUsd: number;
	serverlessUsd: number;
}

/** Monthly cost of both stacks as traffic (requests, egress, object reads) scales with the profile. */
export function costAgainstTraffic(input: HostingInput, sheets: Sheets): TrafficPoint[] {
	return TRAFFIC_STEPS.map((factor) => {
		const scaled = { ...input, requests: input.requests * factor, objectReads: input.objectReads * factor };
		const result = estimateHosting(scaled, sheets);
		return {
			requests: scaled.requests,
			edgeUsd: result.edge.totalUsd,
			serverlessUsd: result.serverless.totalUsd,
		};
	});
}

/**
 * Where the cheaper stack changes, by linear interpolation between chart points.
 * @example findCrossover([{ requests: 1, edgeUsd: 5, serverlessUsd: 1 }, { requests: 3, edgeUsd: 5, serverlessUsd: 9 }]) // => 2
 */
export function findCrossover(points: readonly TrafficPoint[]): number | undefined {
	for (let index = 1; index < points.length; index++) {
		const a = points[index - 1]!;
		const b = points[index]!;
		const before = a.edgeUsd - a.serverlessUsd;
		const after = b.edgeUsd - b.serverlessUsd;
		if (before === 0) return a.requests;
		if (Math.sign(before) !== Math.sign(after) && after !== 0) {
			return a.requests + ((b.requests - a.requests) * before) / (before - after);
		}
	}
	return undefined;
}
