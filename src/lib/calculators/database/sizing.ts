// How much database a workload needs: the rules of thumb every provider's sizing uses, each with
// where it comes from. The calculator shows these numbers beside the plan it picks.

/** What a team knows about its database, a month at a time. */
export interface DatabaseInput {
	[name: string]: number | string | boolean;
	dataGb: number;
	growthGbPerMonth: number;
	/** Share of the data read often enough that it should stay in memory (the working set). */
	hotDataPct: number;
	peakReadsPerSecond: number;
	avgReadsPerSecond: number;
	peakWritesPerSecond: number;
	avgWritesPerSecond: number;
	/** Average database time per query, e.g. from pg_stat_statements. */
	queryMs: number;
	connections: number;
	ha: boolean;
	backupDays: number;
	egressGb: number;
	/** Queried from Cloudflare Workers, so Postgres is reached through Hyperdrive. */
	fromWorkers: boolean;
	/** D1 bills rows scanned and written, not queries. */
	rowsPerRead: number;
	rowsPerWrite: number;
}

/**
 * Share of a server's memory that ends up caching data. PostgreSQL suggests 25% of RAM for
 * shared_buffers and leaves the rest mostly to the OS page cache
 * (https://www.postgresql.org/docs/current/runtime-config-resource.html); Neon uses up to 75% of a
 * compute's RAM for caching data and says to pick a size that holds the working set
 * (https://neon.com/docs/manage/computes). AWS: "allocate enough RAM so that your working set
 * resides almost completely in memory" (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_BestPractices.html).
 */
export const CACHE_SHARE_OF_MEMORY = 0.75;

/**
 * CPU use to plan for at peak. AWS marks 75% on its RDS CPU charts as the line to watch (same best
 * practices page); we use it as the ceiling so a burst or a slow query has room. No provider gives
 * queries per vCPU, so CPU is the query rate times the query time: our assumption, shown as one.
 */
export const PEAK_CPU_TARGET = 0.75;

/**
 * Share of reads expected to miss the cache once the working set fits: both Neon and Supabase
 * tell teams to aim for a 99% cache hit rate
 * (https://supabase.com/docs/guides/troubleshooting/supabase-grafana-memory-charts).
 */
export const CACHE_MISS_SHARE = 0.01;

/** PostgreSQL's default max_connections (https://www.postgresql.org/docs/current/runtime-config-connection.html). */
export const POSTGRES_DEFAULT_CONNECTIONS = 100;

/** Hours in an average month (365.25 × 24 ÷ 12), as AWS and most providers bill. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** What the workload needs from whichever database runs it. */
export interface WorkloadNeeds {
	/** Memory that keeps the working set cached. */
	memoryGb: number;
	/** vCPUs for the peak query rate at the CPU target. */
	peakVcpu: number;
	/** vCPUs busy on average (usage-billed providers charge this). */
	avgVcpu: number;
	peakQps: number;
	avgQps: number;
	/** Storage I/O a second at peak: every write, and the reads that miss the cache. */
	peakIops: number;
	/** I/O requests in a month, on average. */
	monthlyIos: number;
	/** Data after 12 months of growth. */
	dataIn12MonthsGb: number;
	/** Backup storage for the retention: one full copy plus the changes kept. */
	backupGb: number;
	/** Data changed over the retention window (what history and incremental backups keep). */
	changedGb: number;
}

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

/** The workload's needs, worked out once and shared by every provider's pricing. */
export function workloadNeeds(input: DatabaseInput): WorkloadNeeds {
	const peakQps = input.peakReadsPerSecond + input.peakWritesPerSecond;
	const avgQps = input.avgReadsPerSecond + input.avgWritesPerSecond;
	// Growth is the only change rate a team reliably knows, so it stands for the changed data.
	const changedGb = (input.growthGbPerMonth / 30) * input.backupDays;
	return {
		memoryGb: round((input.dataGb * input.hotDataPct) / 100 / CACHE_SHARE_OF_MEMORY),
		peakVcpu: round((peakQps * input.queryMs) / 1000 / PEAK_CPU_TARGET),
		avgVcpu: round((avgQps * input.queryMs) / 1000),
		peakQps,
		avgQps,
		peakIops: Math.ceil(input.peakWritesPerSecond + input.peakReadsPerSecond * CACHE_MISS_SHARE),
		monthlyIos: Math.round(
			(input.avgWritesPerSecond + input.avgReadsPerSecond * CACHE_MISS_SHARE) * SECONDS_PER_MONTH,
		),
		dataIn12MonthsGb: round(input.dataGb + input.growthGbPerMonth * 12),
		backupGb: round(input.dataGb + changedGb),
		changedGb: round(changedGb),
	};
}

/** A compute size as sizing sees it. */
export interface SizeShape {
	vcpu: number;
	memoryGb: number;
	baselineCpu?: number | undefined;
}

/** Why a size is too small for the workload, or undefined when it fits. */
export function sizeShortfall(size: SizeShape, needs: WorkloadNeeds): string | undefined {
	if (size.memoryGb < needs.memoryGb)
		return `${size.memoryGb} GB of memory is less than the ${needs.memoryGb} GB the working set needs`;
	if (size.vcpu < needs.peakVcpu)
		return `${size.vcpu} vCPU is less than the ${needs.peakVcpu} the peak needs`;
	if (size.baselineCpu !== undefined && needs.avgVcpu > size.vcpu * size.baselineCpu)
		return `the average load (${needs.avgVcpu} vCPU) is above its burstable baseline of ${size.vcpu * size.baselineCpu} vCPU`;
	return undefined;
}
