import { meteredSheet, type MeteredPrices } from '../../pricing/catalog.ts';
import { estimateProduct, type Estimate } from '../../pricing/estimate.ts';
import { queueOperations, type MeteredProductId, type MeteredUsage } from '../../pricing/product-meters.ts';

/** What the hosting calculator prices from: the metered sheets and the day they are quoted for. */
export interface HostingData {
	sheets: readonly MeteredPrices[];
	today: string;
}

/** A month of traffic, described once and priced on both platforms. */
export interface HostingInput {
	[name: string]: number | string | boolean;
	requests: number;
	cpuMsPerRequest: number;
	durationMsPerRequest: number;
	memoryMb: number;
	responseKb: number;
	storageGb: number;
	objectWrites: number;
	objectReads: number;
	dbRowsReadPerRequest: number;
	dbRowsWritten: number;
	kvReadsPerRequest: number;
	queueMessages: number;
	queueMessageKb: number;
	delivery: string;
	freeTier: boolean;
}

export interface StackEstimate {
	totalUsd: number;
	estimates: Estimate[];
}

export interface HostingResult {
	edge: StackEstimate;
	serverless: StackEstimate;
}

type Sheets = readonly MeteredPrices[];

const GB_PER_KB = 1 / (1024 * 1024);

/** One product of a stack with its complete usage; the type ties the usage to the product. */
type Part = { [P in MeteredProductId]: [P, MeteredUsage[P]] }[MeteredProductId];

function stack(sheets: Sheets, freeTier: boolean, parts: Part[]): StackEstimate {
	const estimates = parts.map(([product, usage]) => {
		return estimateProduct(product, usage, meteredSheet(sheets, product), { freeTier });
	});
	return { totalUsd: Math.round(estimates.reduce((sum, e) => sum + e.totalUsd, 0) * 1e6) / 1e6, estimates };
}

/**
 * Prices the same month of traffic on the edge (Workers + R2, plus D1, KV and Queues when used)
 * and on serverless AWS (Lambda + API Gateway + S3, serving bytes directly or through CloudFront).
 */
export function estimateHosting(input: HostingInput, sheets: Sheets): HostingResult {
	const egressGb = input.requests * input.responseKb * GB_PER_KB;
	const edgeParts: Part[] = [
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
			{
				rowsRead: input.requests * input.dbRowsReadPerRequest,
				rowsWritten: input.dbRowsWritten,
				storageGb: 0,
			},
		]);
	}
	if (input.kvReadsPerRequest > 0) {
		edgeParts.push([
			'cloudflare-kv',
			{ reads: input.requests * input.kvReadsPerRequest, writes: 0, deletes: 0, lists: 0, storageGb: 0 },
		]);
	}
	// Each message is written, read and deleted: three operations per 64 KB of it.
	if (input.queueMessages > 0)
		edgeParts.push([
			'cloudflare-queues',
			{ operations: queueOperations(input.queueMessages, input.queueMessageKb) },
		]);

	const lambda = {
		requests: input.requests,
		durationMs: input.durationMsPerRequest,
		memoryMb: input.memoryMb,
	};
	const serverlessParts: Part[] = [
		['aws-lambda', { ...lambda, architecture: 'x86_64', ephemeralStorageMb: 512 }],
		['aws-api-gateway-http', { requests: input.requests, requestSizeKb: 0 }],
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

/** The profile at `factor` times its traffic: requests (and so transfer) and object reads grow; storage and writes stay. */
export function scaleHosting(input: HostingInput, factor: number): HostingInput {
	return { ...input, requests: input.requests * factor, objectReads: input.objectReads * factor };
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
		const scaled = scaleHosting(input, factor);
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

/** A stack as a stack estimate prices it; the cheaper first, which is what "Add" takes. */
export interface HostingOption {
	id: 'cloudflare' | 'aws';
	label: string;
	provider: string;
	usd: number;
}

/** The cheaper stack, as an estimate option id: what "Add to my estimate" takes. */
export const cheaperStack = (result: HostingResult): HostingOption['id'] =>
	result.edge.totalUsd <= result.serverless.totalUsd ? 'cloudflare' : 'aws';

/** Both stacks for the profile at `level` times its traffic, cheaper first. */
export function hostingOptions(input: HostingInput, sheets: Sheets, level = 1): HostingOption[] {
	const result = estimateHosting(level === 1 ? input : scaleHosting(input, level), sheets);
	const options: HostingOption[] = [
		{
			id: 'cloudflare',
			label: `Edge: ${result.edge.estimates.map((e) => e.productName).join(' + ')}`,
			provider: 'Cloudflare',
			usd: result.edge.totalUsd,
		},
		{
			id: 'aws',
			label: `Serverless: ${result.serverless.estimates.map((e) => e.productName).join(' + ')}`,
			provider: 'AWS',
			usd: result.serverless.totalUsd,
		},
	];
	return cheaperStack(result) === 'cloudflare' ? options : options.reverse();
}
