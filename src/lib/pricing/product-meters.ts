// How each product's usage becomes quantities of its price sheet's meters. Free of zod and of
// anything else heavy, so the calculators' browser code can price usage without the schemas.

export interface WorkersUsage {
	requests: number;
	cpuMsPerRequest: number;
}
export interface R2Usage {
	storageGbMonth: number;
	classAOps: number;
	classBOps: number;
	egressGb: number;
}
export interface D1Usage {
	rowsRead: number;
	rowsWritten: number;
	storageGb: number;
}
export interface KvUsage {
	reads: number;
	writes: number;
	deletes: number;
	lists: number;
	storageGb: number;
}
export interface QueuesUsage {
	operations: number;
}
export interface LambdaUsage {
	requests: number;
	durationMs: number;
	memoryMb: number;
	architecture: 'x86_64' | 'arm64';
	ephemeralStorageMb: number;
}
export interface ApiGatewayUsage {
	requests: number;
	requestSizeKb: number;
}
export interface S3Usage {
	storageGbMonth: number;
	putRequests: number;
	getRequests: number;
	egressGb: number;
}
export interface CloudFrontUsage {
	egressGb: number;
	requests: number;
}

/** Cloudflare Queues counts an operation per 64 KB (of 1,000 bytes) written, read or deleted. */
export const QUEUE_CHUNK_KB = 64;

/**
 * Operations for messages that are each written, read once and deleted: three per 64 KB chunk.
 * @example queueOperations(1_000_000, 65) // => 6_000_000 (two chunks, three operations each)
 */
export function queueOperations(messages: number, messageKb: number): number {
	return messages * 3 * Math.max(1, Math.ceil(messageKb / QUEUE_CHUNK_KB));
}

/** Usage by product id, after defaults. */
export interface MeteredUsage {
	'cloudflare-workers': WorkersUsage;
	'cloudflare-r2': R2Usage;
	'cloudflare-d1': D1Usage;
	'cloudflare-kv': KvUsage;
	'cloudflare-queues': QueuesUsage;
	'aws-lambda': LambdaUsage;
	'aws-api-gateway-http': ApiGatewayUsage;
	'aws-s3': S3Usage;
	'aws-cloudfront': CloudFrontUsage;
}

export type MeteredProductId = keyof MeteredUsage;

type MeterQuantities = Record<string, number>;

/** Meter quantities for each product; keys are meter ids in content/pricing/<product>.yaml. */
export const PRODUCT_METERS: { [P in MeteredProductId]: (usage: MeteredUsage[P]) => MeterQuantities } = {
	'cloudflare-workers': (u) => ({ requests: u.requests, 'cpu-time': u.requests * u.cpuMsPerRequest }),
	'cloudflare-r2': (u) => ({
		storage: u.storageGbMonth,
		'class-a': u.classAOps,
		'class-b': u.classBOps,
		egress: u.egressGb,
	}),
	'cloudflare-d1': (u) => ({ 'rows-read': u.rowsRead, 'rows-written': u.rowsWritten, storage: u.storageGb }),
	'cloudflare-kv': (u) => ({
		reads: u.reads,
		writes: u.writes,
		deletes: u.deletes,
		lists: u.lists,
		storage: u.storageGb,
	}),
	'cloudflare-queues': (u) => ({ operations: u.operations }),
	'aws-lambda': (u) => {
		// Lambda bills duration rounded up to the next millisecond.
		const seconds = u.requests * (Math.ceil(u.durationMs) / 1000);
		const gbSeconds = seconds * (u.memoryMb / 1024);
		return {
			requests: u.requests,
			'duration-x86': u.architecture === 'x86_64' ? gbSeconds : 0,
			'duration-arm64': u.architecture === 'arm64' ? gbSeconds : 0,
			'ephemeral-storage': seconds * (Math.max(0, u.ephemeralStorageMb - 512) / 1024),
		};
	},
	// HTTP APIs are metered in 512 KB steps: a 513 KB request counts twice.
	'aws-api-gateway-http': (u) => ({ requests: u.requests * Math.max(1, Math.ceil(u.requestSizeKb / 512)) }),
	'aws-s3': (u) => ({
		storage: u.storageGbMonth,
		'put-requests': u.putRequests,
		'get-requests': u.getRequests,
		egress: u.egressGb,
	}),
	'aws-cloudfront': (u) => ({ egress: u.egressGb, requests: u.requests }),
};
