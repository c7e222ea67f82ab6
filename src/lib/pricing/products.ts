import { z } from 'zod';
import type { MeteredProductId, MeteredUsage } from './product-meters.ts';

/** A usage count: a finite, non-negative number, 0 when left out. */
const count = (description: string) =>
	z
		.number({ error: 'must be a number' })
		.finite('must be a finite number')
		.nonnegative('must not be negative')
		.default(0)
		.describe(description);

/**
 * The usage fields each metered product accepts (strict, so an unknown field is an error), with
 * defaults. How usage becomes meter quantities is in product-meters.ts, which stays zod-free.
 */
export const METERED_PRODUCTS = {
	'cloudflare-workers': {
		usage: z.strictObject({
			requests: count('Requests to the Worker per month'),
			cpuMsPerRequest: count('Average CPU milliseconds per request'),
		}),
	},
	'cloudflare-r2': {
		usage: z.strictObject({
			storageGbMonth: count('Average stored GB over the month'),
			classAOps: count('Class A operations (writes, lists) per month'),
			classBOps: count('Class B operations (reads) per month'),
			egressGb: count('GB served to the internet per month (free on R2)'),
		}),
	},
	'cloudflare-d1': {
		usage: z.strictObject({
			rowsRead: count('Rows read per month'),
			rowsWritten: count('Rows written per month'),
			storageGb: count('Stored GB'),
		}),
	},
	'cloudflare-kv': {
		usage: z.strictObject({
			reads: count('Key reads per month'),
			writes: count('Key writes per month'),
			deletes: count('Key deletes per month'),
			lists: count('List requests per month'),
			storageGb: count('Stored GB'),
		}),
	},
	'cloudflare-queues': {
		usage: z.strictObject({
			operations: count('Queue operations per month: each 64 KB written, read or deleted is one'),
		}),
	},
	'aws-lambda': {
		usage: z.strictObject({
			requests: count('Invocations per month'),
			durationMs: count('Average duration per invocation in milliseconds (billed rounded up to 1 ms)'),
			memoryMb: z
				.number({ error: 'must be a number' })
				.int('must be a whole number of MB')
				.min(128, 'Lambda memory is at least 128 MB')
				.max(10240, 'Lambda memory is at most 10,240 MB')
				.default(128)
				.describe('Memory allocated to the function in MB'),
			architecture: z
				.enum(['x86_64', 'arm64'], { error: 'must be "x86_64" or "arm64"' })
				.default('x86_64')
				.describe('Processor architecture'),
			ephemeralStorageMb: z
				.number({ error: 'must be a number' })
				.int('must be a whole number of MB')
				.min(512, 'ephemeral storage is at least 512 MB')
				.max(10240, 'ephemeral storage is at most 10,240 MB')
				.default(512)
				.describe('Ephemeral storage in MB; only the part above 512 MB is billed'),
		}),
	},
	'aws-api-gateway-http': {
		usage: z.strictObject({
			requests: count('HTTP API requests per month'),
			requestSizeKb: count('Average request size in KB; metered in 512 KB steps'),
		}),
	},
	'aws-s3': {
		usage: z.strictObject({
			storageGbMonth: count('Average stored GB over the month (S3 Standard)'),
			putRequests: count('PUT, COPY, POST and LIST requests per month'),
			getRequests: count('GET and SELECT requests per month'),
			egressGb: count('GB transferred out to the internet per month'),
		}),
	},
	'aws-cloudfront': {
		usage: z.strictObject({
			egressGb: count('GB transferred out to the internet per month'),
			requests: count('HTTPS requests per month'),
		}),
	},
} as const;

export type { MeteredProductId };
export const METERED_PRODUCT_IDS = Object.keys(METERED_PRODUCTS) as MeteredProductId[];

/** Validates a product's usage and fills in defaults. @throws ZodError naming the bad field. */
export function parseUsage<P extends MeteredProductId>(product: P, raw: unknown): MeteredUsage[P] {
	return METERED_PRODUCTS[product].usage.parse(raw) as MeteredUsage[P];
}

/** Every product the public API prices: the metered ones and `llm`. */
export type ProductId = MeteredProductId | 'llm';
export const PRODUCT_IDS: readonly ProductId[] = [...METERED_PRODUCT_IDS, 'llm'];

/** The usage of the `llm` product: a model id and token counts per month. */
export const LlmUsageSchema = z.strictObject({
	model: z
		.string({ error: 'must be a model id; GET /api/price/models lists them' })
		.min(1)
		.describe('Model id from the price sheets'),
	inputTokens: count('Input tokens per month, not read from the cache'),
	outputTokens: count('Output tokens per month'),
	cachedInputTokens: count('Input tokens per month read from the prompt cache'),
	cacheWriteTokens: count('Tokens per month written to the prompt cache'),
	calls: z
		.number({ error: 'must be a number' })
		.finite('must be a finite number')
		.positive('must be more than 0')
		.optional()
		.describe('Calls per month; with it, tokens per call pick the prompt-length price band'),
	cacheTtlMinutes: z
		.number({ error: 'must be a number of minutes' })
		.positive('must be more than 0')
		.optional()
		.describe('Which cache lifetime the writes use, e.g. 60; the shortest on offer by default'),
	batch: z
		.boolean({ error: 'must be true or false' })
		.default(false)
		.describe('Price at the Batch API discount where the provider offers one'),
});
export type LlmUsage = z.output<typeof LlmUsageSchema>;
