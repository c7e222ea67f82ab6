import type { Field, NumberField } from '../fields.ts';
import type { Preset } from '../presets.ts';
import type { HostingInput } from './compute.ts';

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
		kind: 'number',
		name: 'queueMessageKb',
		label: 'Queue message size',
		unit: 'KB',
		hint: 'Each 64 KB written, read or deleted is one operation; Queues take messages up to 128 KB.',
		default: 2,
		min: 0,
		max: 128,
	},
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

/** Starting points for common shapes of traffic. */
export const HOSTING_PRESETS: readonly Preset<HostingInput>[] = [
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
