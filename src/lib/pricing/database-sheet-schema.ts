import { z } from 'zod';
import { provenance } from './sheet-provenance.ts';

// A managed database's prices (content/pricing/database-*.yaml). Providers bill databases in
// different shapes (instance hours, capacity units, usage, rows), so each sheet names its
// `pricing` model, and that model's schema says exactly which rates it needs.

const usd = (example: string) => z.number().nonnegative().describe(`US dollars, e.g. ${example}`);
const gb = (example: string) => z.number().nonnegative().describe(`Gigabytes, e.g. ${example}`);
const note = z
	.string()
	.optional()
	.describe('Where this value comes from when it is not the sheet source, e.g. "secondary: …"');

/** A band of a tiered rate: up to `upTo` units of the month's total, or the rest when absent. */
const BandSchema = z.strictObject({
	upTo: z
		.number()
		.positive()
		.optional()
		.describe('Monthly total at which this band ends; leave out on the last'),
	usd: usd('0.09'),
});

/** One compute size a provider sells, smallest first in the sheet. */
const SizeSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9.-]+$/, 'size id must be lower-case, e.g. db.t4g.micro or ps-10'),
	label: z.string().min(2).describe('The size as the provider names it, e.g. "db.t4g.micro"'),
	vcpu: z.number().positive().describe('vCPUs, or the share of one, e.g. 2 or 0.125'),
	memoryGb: gb('8'),
	sharedCpu: z.boolean().default(false).describe('true when the CPU is shared with other customers'),
	baselineCpu: z
		.number()
		.positive()
		.max(1)
		.optional()
		.describe('Burstable sizes: the CPU share sustained without credits, e.g. 0.2 for 20%'),
	maxConnections: z.int().positive().optional().describe('Direct connections the size allows, e.g. 112'),
	pooledConnections: z.int().positive().optional().describe("Client connections the provider's pooler takes"),
	usdPerHour: usd('0.016').optional(),
	usdPerMonth: usd('19').optional(),
	haUsdPerHour: usd('0.032').optional().describe('Price with a standby in another zone, per hour'),
	haUsdPerMonth: usd('30').optional().describe('Price with a standby (or replicas) in other zones, a month'),
	note,
});

type SizePrice = 'usdPerHour' | 'haUsdPerHour' | 'usdPerMonth' | 'haUsdPerMonth';

/** A check that every size carries the prices its model reads, naming the size and the field. */
const sizesPriced =
	(...keys: SizePrice[]) =>
	(sheet: { sizes: z.infer<typeof SizeSchema>[] }, ctx: z.core.$RefinementCtx) => {
		sheet.sizes.forEach((size, index) => {
			for (const key of keys)
				if (size[key] === undefined)
					ctx.addIssue({
						code: 'custom',
						path: ['sizes', index, key],
						message: `${size.id} needs ${key}: this provider's pricing reads it`,
					});
		});
	};

const common = {
	...provenance,
	secondary: z
		.string()
		.optional()
		.describe('Values only a secondary source gives, and which source, e.g. "instance prices: …"'),
	engine: z.enum(['PostgreSQL', 'SQLite']).describe('The database engine priced'),
};

const egress = z
	.array(BandSchema)
	.min(1)
	.describe('Internet egress per GB in bands of the monthly total, after any included amount');

/** Amazon RDS for PostgreSQL: instance hours, gp3 storage, backups past the free amount, egress. */
const RdsSheet = z
	.strictObject({
		kind: z.literal('database'),
		pricing: z.literal('rds'),
		...common,
		sizes: z.array(SizeSchema).min(1),
		rates: z.strictObject({
			storageGbMonth: usd('0.115'),
			haStorageGbMonth: usd('0.23'),
			minStorageGb: gb('20'),
			/** gp3: 3,000 IOPS below 400 GB, 12,000 from 400 GB, with nothing to buy below it. */
			baselineIops: z.int().positive(),
			largeVolumeGb: gb('400'),
			largeVolumeBaselineIops: z.int().positive(),
			iopsMonth: usd('0.02'),
			haIopsMonth: usd('0.04'),
			backupGbMonth: usd('0.095'),
			freeEgressGb: gb('100'),
			egress,
		}),
	})
	.superRefine(sizesPriced('usdPerHour', 'haUsdPerHour'));

/** Aurora PostgreSQL Serverless v2: ACU-hours, storage and I/O, Standard or I/O-Optimized. */
const AuroraSheet = z.strictObject({
	kind: z.literal('database'),
	pricing: z.literal('aurora-serverless'),
	...common,
	rates: z.strictObject({
		acuMemoryGb: gb('2'),
		minAcu: z.number().nonnegative(),
		maxAcu: z.number().positive(),
		acuHour: usd('0.12'),
		ioOptimizedAcuHour: usd('0.16'),
		storageGbMonth: usd('0.10'),
		ioOptimizedStorageGbMonth: usd('0.225'),
		ioPerMillion: usd('0.20'),
		backupGbMonth: usd('0.021'),
		freeEgressGb: gb('100'),
		egress,
		/** Connections at the maximum ACU setting, e.g. 5,000 from 32 ACU. */
		connectionsPerAcu: z.number().positive(),
		maxConnections: z.int().positive(),
	}),
});

/** Neon: compute-unit hours by plan, storage, restore history, egress past the included amount. */
const NeonSheet = z.strictObject({
	kind: z.literal('database'),
	pricing: z.literal('neon'),
	...common,
	rates: z.strictObject({
		cuMemoryGb: gb('4'),
		launchCuHour: usd('0.106'),
		scaleCuHour: usd('0.222'),
		maxAutoscaleCu: z.number().positive(),
		storageGbMonth: usd('0.35'),
		historyGbMonth: usd('0.20'),
		launchHistoryDays: z.int().positive(),
		scaleHistoryDays: z.int().positive(),
		includedEgressGb: gb('500'),
		egress,
		pooledConnections: z.int().positive(),
		/** Direct connections per CU (419 at 1 CU), up to `maxConnections`. */
		connectionsPerCu: z.number().positive(),
		maxConnections: z.int().positive(),
		freeCuHours: z.number().nonnegative(),
		freeStorageGb: gb('0.5'),
		freeEgressGb: gb('5'),
		suspendAfterMinutes: z.int().positive(),
	}),
});

/** Supabase: a plan fee with compute credits, a compute size, disk and egress past the quota. */
const SupabaseSheet = z
	.strictObject({
		kind: z.literal('database'),
		pricing: z.literal('supabase'),
		...common,
		sizes: z.array(SizeSchema).min(1),
		rates: z.strictObject({
			planUsd: usd('25'),
			computeCreditUsd: usd('10'),
			includedDiskGb: gb('8'),
			diskGbMonth: usd('0.125'),
			includedEgressGb: gb('250'),
			egress,
			includedBackupDays: z.int().positive(),
			pitr: z
				.array(z.strictObject({ days: z.int().positive(), usdPerMonth: usd('100') }))
				.min(1)
				.describe('Point-in-time recovery add-ons, shortest first'),
			replicaDiskFactor: z.number().positive(),
			ipv4Month: usd('4'),
			freeDatabaseGb: gb('0.5'),
			freeEgressGb: gb('5'),
			freePausedAfterDays: z.int().positive(),
		}),
	})
	.superRefine(sizesPriced('usdPerHour'));

/** Railway: a plan fee that counts as usage (Hobby or Pro), then RAM, vCPU, volume and egress as used. */
const RailwaySheet = z.strictObject({
	kind: z.literal('database'),
	pricing: z.literal('railway'),
	...common,
	rates: z.strictObject({
		hobbyPlanUsd: usd('5'),
		hobbyMaxVolumeGb: gb('5'),
		planUsd: usd('20'),
		ramGbMonth: usd('10'),
		vcpuMonth: usd('20'),
		volumeGbMonth: usd('0.15'),
		egress,
		maxVolumeGb: gb('1000'),
		/** Patroni HA: the primary plus this many replicas, each a full copy. */
		haReplicas: z.int().positive(),
		backupDays: z.int().positive(),
	}),
});

/** PlanetScale Postgres: a cluster size (single node or three), storage per node, egress. */
const PlanetScaleSheet = z
	.strictObject({
		kind: z.literal('database'),
		pricing: z.literal('planetscale'),
		...common,
		sizes: z.array(SizeSchema).min(1),
		rates: z.strictObject({
			includedStorageGb: gb('10'),
			storageGbMonth: usd('0.125'),
			haNodes: z.int().positive(),
			includedEgressGb: gb('100'),
			egress,
			includedBackupFactor: z.number().nonnegative(),
			backupGbMonth: usd('0.023'),
		}),
	})
	.superRefine(sizesPriced('usdPerMonth', 'haUsdPerMonth'));

/** Cloudflare D1's limits, and Hyperdrive for reaching a Postgres elsewhere from Workers. D1's
 * prices stay in the metered sheet cloudflare-d1.yaml, so they are written down once. */
const D1Sheet = z.strictObject({
	kind: z.literal('database'),
	pricing: z.literal('d1'),
	...common,
	rates: z.strictObject({
		maxDatabaseGb: gb('10'),
		/** One database runs one query at a time: queries a second = 1,000 ÷ query milliseconds. */
		queriesAtOnce: z.int().positive(),
		hyperdriveUsdPerMonth: usd('0'),
		hyperdriveFreeQueriesPerDay: z.int().positive(),
		/** Most origin connections one Hyperdrive configuration may open on Workers Paid (you set it). */
		hyperdriveOriginConnections: z.int().positive(),
	}),
});

export const DatabasePriceSheetSchema = z.discriminatedUnion('pricing', [
	RdsSheet,
	AuroraSheet,
	NeonSheet,
	SupabaseSheet,
	RailwaySheet,
	PlanetScaleSheet,
	D1Sheet,
]);

export type DatabasePriceSheet = z.infer<typeof DatabasePriceSheetSchema>;
export type DatabasePricing = DatabasePriceSheet['pricing'];
export type DbSize = z.infer<typeof SizeSchema>;
export type Band = z.infer<typeof BandSchema>;
