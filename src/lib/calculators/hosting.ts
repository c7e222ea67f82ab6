import { estimateProduct, type Estimate } from '../pricing/estimate.ts';
import type { MeteredPriceSheet } from '../pricing/price-sheet-schema.ts';
import type { MeteredProductId, MeteredUsage } from '../pricing/product-meters.ts';
import type { Field, NumberField } from './fields.ts';

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
	delivery: string;
	freeTier: boolean;
}

const count = (
	name: string,
	label: string,
	unit: string,
	hint: string,
	value: number,
	warnAbove: NumberField['warnAbove'] = [],
): NumberField => ({
	warnAbove,
	kind: 'number',
	name,
	label,
	unit,
	hint,
	default: value,
	min: 0,
});

/** The hosting calculator's inputs. */
export const HOSTING_FIELDS: readonly Field[] = [
	count(
		'requests',
		'Requests',
		'per month',
		'Requests that run your code (not cached static files).',
		10_000_000,
	),
	count(
		'cpuMsPerRequest',
		'CPU time per request',
		'ms, Workers',
		'Time on the CPU; waiting on the network does not count.',
		5,
		[
			{
				value: 10,
				message:
					'Over 10 ms of CPU per request: the Workers Free plan stops at 10 ms, so this needs Workers Paid (priced here).',
			},
			{
				value: 30_000,
				message:
					'Over 30 s of CPU per request: raise the Worker’s CPU limit (30 s by default, at most 5 minutes).',
			},
			{ value: 300_000, message: 'Workers cannot use more than 5 minutes of CPU per request.' },
		],
	),
	count(
		'durationMsPerRequest',
		'Duration per invocation',
		'ms, Lambda',
		'Wall-clock time, including waiting on databases and APIs.',
		60,
		[
			{
				value: 30_000,
				message:
					'API Gateway HTTP APIs time out after 30 seconds, so longer Lambda runs need another way in.',
			},
			{ value: 900_000, message: 'Lambda stops a function after 15 minutes (900,000 ms).' },
		],
	),
	{
		kind: 'number',
		name: 'memoryMb',
		label: 'Lambda memory',
		unit: 'MB',
		hint: 'Between 128 and 10,240 MB; CPU scales with it.',
		default: 512,
		min: 128,
		max: 10240,
		integer: true,
		step: 64,
	},
	count(
		'responseKb',
		'Response size',
		'KB, average',
		'What each request sends back; this becomes data transfer.',
		30,
		[{ value: 6 * 1024, message: 'Lambda responses are limited to 6 MB (unless streamed).' }],
	),
	count('storageGb', 'Stored objects', 'GB', 'Files in object storage (R2 or S3).', 50),
	count('objectWrites', 'Object writes', 'per month', 'Uploads and other writes to object storage.', 100_000),
	count(
		'objectReads',
		'Object reads',
		'per month',
		'Reads from object storage that reach it (not served from a cache).',
		1_000_000,
	),
	count(
		'dbRowsReadPerRequest',
		'D1 rows read per request',
		'rows',
		'Leave at 0 to keep D1 out of the edge stack.',
		0,
	),
	count('dbRowsWritten', 'D1 rows written', 'per month', 'Rows inserted or updated.', 0),
	count(
		'kvReadsPerRequest',
		'KV reads per request',
		'reads',
		'Leave at 0 to keep KV out of the edge stack.',
		0,
	),
	count('queueMessages', 'Queue messages', 'per month', 'Background jobs; leave at 0 to keep Queues out.', 0),
	{
		kind: 'choice',
		name: 'delivery',
		label: 'Serverless delivery',
		hint: 'Serve bytes straight from AWS, or through CloudFront.',
		options: [
			{ value: 'direct', label: 'Direct from AWS' },
			{ value: 'cloudfront', label: 'Through CloudFront' },
		],
		default: 'direct',
	},
	{
		kind: 'toggle',
		name: 'freeTier',
		label: 'Apply free tiers',
		hint: 'AWS always-free allowances and R2 free usage.',
		default: true,
	},
];

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

/** One product of a stack with its complete usage; the type ties the usage to the product. */
type Part = { [P in MeteredProductId]: [P, MeteredUsage[P]] }[MeteredProductId];

function stack(sheets: Sheets, freeTier: boolean, parts: Part[]): StackEstimate {
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
	// A small message is written, read and deleted: three operations.
	if (input.queueMessages > 0) edgeParts.push(['cloudflare-queues', { operations: input.queueMessages * 3 }]);

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

/** Starting points for common shapes of traffic. */
export const HOSTING_PRESETS: readonly { id: string; label: string; values: Partial<HostingInput> }[] = [
	{
		id: 'small-api',
		label: 'Small API',
		values: {
			requests: 3_000_000,
			cpuMsPerRequest: 3,
			durationMsPerRequest: 40,
			memoryMb: 256,
			responseKb: 4,
			storageGb: 1,
			objectWrites: 10_000,
			objectReads: 100_000,
		},
	},
	{
		id: 'content-site',
		label: 'Content site with downloads',
		values: {
			requests: 20_000_000,
			cpuMsPerRequest: 4,
			durationMsPerRequest: 50,
			memoryMb: 512,
			responseKb: 120,
			storageGb: 500,
			objectWrites: 20_000,
			objectReads: 5_000_000,
		},
	},
	{
		id: 'busy-saas',
		label: 'Busy SaaS backend',
		values: {
			requests: 150_000_000,
			cpuMsPerRequest: 8,
			durationMsPerRequest: 80,
			memoryMb: 1024,
			responseKb: 15,
			storageGb: 200,
			objectWrites: 2_000_000,
			objectReads: 20_000_000,
			dbRowsReadPerRequest: 20,
			dbRowsWritten: 30_000_000,
			queueMessages: 5_000_000,
		},
	},
];
