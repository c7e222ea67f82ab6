// Each database provider's month for a workload: the smallest plan or size that fits, why, its
// line items and the warnings a team should read. One pricer per pricing model, in a registry.
import type { DatabaseSheet, MeteredSheet } from '../../pricing/catalog.ts';
import type { Band, DbSize } from '../../pricing/database-sheet-schema.ts';
import { refOf, total, type Estimate } from '../../pricing/estimate-base.ts';
import { estimateProduct } from '../../pricing/estimate.ts';
import { formatNumber, roundUsd, type LineItem } from '../../pricing/line-item.ts';
import {
	HOURS_PER_MONTH,
	POSTGRES_DEFAULT_CONNECTIONS,
	SECONDS_PER_MONTH,
	sizeShortfall,
	type DatabaseInput,
	type WorkloadNeeds,
} from './sizing.ts';

/** One provider's answer for the workload. */
export interface DatabaseQuote {
	/** The pricing model, used as the option id in estimates, e.g. "neon". */
	id: string;
	/** Short name for charts and lists, e.g. "Neon", or "RDS" and "Aurora" for AWS's two. */
	name: string;
	provider: string;
	product: string;
	/** Whether any plan or size this provider sells fits; when not, `plan` says why. */
	fits: boolean;
	/** What was chosen, e.g. "db.t4g.medium, Multi-AZ", or why nothing fits. */
	plan: string;
	/** Why that plan: the sizing rule each choice followed. */
	why: string[];
	estimates: Estimate[];
	totalUsd: number;
	/** Where a team gets hurt: pooler needed, limits the growth crosses, cold starts. */
	warnings: string[];
}

/** What the pricers read: the database sheets, plus D1's and Workers' metered sheets. */
export interface DatabaseData {
	sheets: readonly DatabaseSheet[];
	d1: MeteredSheet;
	workers: MeteredSheet;
	today: string;
}

interface Context {
	input: DatabaseInput;
	needs: WorkloadNeeds;
	data: DatabaseData;
	/** D1's limits and Hyperdrive, for the note on reaching Postgres from Workers. */
	cloudflare: Extract<DatabaseSheet, { pricing: 'd1' }> | undefined;
}

const money = (usd: number) => `$${formatNumber(usd)}`;
const round2 = (value: number) => Math.round(value * 100) / 100;
/** Rounds up to the next step, e.g. ceilTo(0.3, 0.25) = 0.5. */
const ceilTo = (value: number, step: number) => Math.ceil(value / step - 1e-9) * step;

/** A line item: quantity times unit price, with the working in words. */
function line(
	id: string,
	label: string,
	quantity: number,
	unit: string,
	unitPriceUsd: number,
	formula?: string,
): LineItem {
	return {
		id,
		label,
		quantity: round2(quantity * 1000) / 1000,
		unit,
		unitPriceUsd,
		usd: roundUsd(quantity * unitPriceUsd),
		formula: formula ?? `${formatNumber(round2(quantity))} ${unit} × ${money(unitPriceUsd)}`,
	};
}

/** Banded egress after an included amount: one line per band the month reaches. */
function egressLines(
	gb: number,
	includedGb: number,
	bands: readonly Band[],
	price = 'Data transfer out',
): LineItem[] {
	const lines: LineItem[] = [];
	let from = includedGb;
	bands.forEach((band, index) => {
		const to = Math.min(gb, band.upTo ?? Number.POSITIVE_INFINITY);
		if (to <= from) return;
		const label = bands.length > 1 ? `${price}, band ${index + 1}` : price;
		lines.push(
			line(
				`egress-${index}`,
				label,
				to - from,
				'GB',
				band.usd,
				`(${formatNumber(to)} − ${formatNumber(from)}) GB × ${money(band.usd)}`,
			),
		);
		from = to;
	});
	return lines;
}

const estimateOf = (sheet: DatabaseSheet, productName: string, lineItems: LineItem[]): Estimate => ({
	product: 'database',
	productName,
	lineItems,
	totalUsd: total(lineItems),
	priceSheet: refOf(sheet.id, sheet),
});

/** The clouds name a product, not themselves: the product's first word (RDS, Aurora, D1). */
const shortName = (sheet: DatabaseSheet) =>
	sheet.provider === 'AWS' || sheet.provider === 'Cloudflare'
		? (sheet.name.split(' ')[0] ?? sheet.provider)
		: sheet.provider;

function quote(
	sheet: DatabaseSheet,
	plan: string,
	why: string[],
	estimates: Estimate[],
	warnings: string[],
): DatabaseQuote {
	return {
		id: sheet.pricing,
		name: shortName(sheet),
		provider: sheet.provider,
		product: sheet.name,
		fits: true,
		plan,
		why,
		estimates,
		totalUsd: roundUsd(estimates.reduce((sum, estimate) => sum + estimate.totalUsd, 0)),
		warnings,
	};
}

const unfit = (sheet: DatabaseSheet, reason: string): DatabaseQuote => ({
	id: sheet.pricing,
	name: shortName(sheet),
	provider: sheet.provider,
	product: sheet.name,
	fits: false,
	plan: reason,
	why: [],
	estimates: [],
	totalUsd: 0,
	warnings: [],
});

/** "in 7 months" when the data grows past `limitGb` within a year, else undefined. */
function monthsUntil(input: DatabaseInput, limitGb: number): number | undefined {
	if (input.dataGb > limitGb || input.growthGbPerMonth <= 0) return undefined;
	const months = Math.ceil((limitGb - input.dataGb) / input.growthGbPerMonth);
	return months <= 12 ? months : undefined;
}

/** The cheapest size that fits, sizes compared by `price`; with the reason the ones below failed. */
function cheapestFit<S extends DbSize>(
	sizes: readonly S[],
	needs: WorkloadNeeds,
	price: (size: S) => number,
	extra: (size: S) => string | undefined = () => undefined,
): { size: S; skipped?: string } | { size: undefined; reason: string } {
	const sorted = [...sizes].sort((a, b) => price(a) - price(b));
	let last: string | undefined;
	for (const size of sorted) {
		const shortfall = sizeShortfall(size, needs) ?? extra(size);
		if (!shortfall) return last ? { size, skipped: last } : { size };
		last = `${size.label}: ${shortfall}`;
	}
	const largest = sizes.at(-1);
	return {
		size: undefined,
		reason: `No size fits: the largest, ${largest?.label ?? 'none'}, ${last?.split(': ').slice(1).join(': ') ?? 'is too small'}`,
	};
}

const sizingWhy = (label: string, needs: WorkloadNeeds, size: { memoryGb: number; vcpu: number }) =>
	`${label}: ${formatNumber(size.memoryGb)} GB memory (the working set needs ${formatNumber(needs.memoryGb)} GB) and ${formatNumber(size.vcpu)} vCPU (the peak needs ${formatNumber(needs.peakVcpu)})`;

/** Reaching a Postgres from Workers: Hyperdrive's price and pool, when the team uses Workers. */
function hyperdriveNote({ input, cloudflare }: Context): string[] {
	if (!input.fromWorkers || !cloudflare) return [];
	const { rates } = cloudflare;
	return [
		`From Workers, reach it through Hyperdrive: ${money(rates.hyperdriveUsdPerMonth)} a month on Workers Paid (the Free plan allows ${formatNumber(rates.hyperdriveFreeQueriesPerDay)} queries a day); each configuration opens as many connections to the database as you allow, up to ${formatNumber(rates.hyperdriveOriginConnections)}: set it below the database's own limit.`,
	];
}

/** Sheets of one pricing model, so each pricer reads its own rates with their types. */
type SheetOf<P extends DatabaseSheet['pricing']> = Extract<DatabaseSheet, { pricing: P }>;

/**
 * What RDS and Aurora add on top alike: backup storage past the free amount (as much as the
 * database's storage) and internet egress at the EC2 rates after AWS's free 100 GB.
 */
function awsBackupAndEgress(
	{ input, needs }: Context,
	freeBackupGb: number,
	rates: { backupGbMonth: number; freeEgressGb: number; egress: readonly Band[] },
): LineItem[] {
	const over = needs.backupGb - freeBackupGb;
	return [
		...(over > 0
			? [
					line(
						'backup',
						'Backup storage past the free amount (100% of storage)',
						over,
						'GB-month',
						rates.backupGbMonth,
					),
				]
			: []),
		...egressLines(input.egressGb, rates.freeEgressGb, rates.egress),
	];
}

function priceRds(sheet: SheetOf<'rds'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	const hourly = (size: DbSize) => (input.ha ? size.haUsdPerHour : size.usdPerHour) ?? 0;
	const fit = cheapestFit(sheet.sizes, needs, hourly);
	if (!fit.size) return unfit(sheet, fit.reason);
	const size = fit.size;
	const deployment = input.ha ? 'Multi-AZ (one standby)' : 'Single-AZ';
	const storageGb = Math.max(rates.minStorageGb, Math.ceil(input.dataGb));
	const baseline = storageGb >= rates.largeVolumeGb ? rates.largeVolumeBaselineIops : rates.baselineIops;
	const warnings: string[] = [];
	const lines = [
		line('instance', `${size.label} ${deployment}`, HOURS_PER_MONTH, 'hours', hourly(size)),
		line(
			'storage',
			`gp3 storage, ${deployment}`,
			storageGb,
			'GB-month',
			input.ha ? rates.haStorageGbMonth : rates.storageGbMonth,
		),
	];
	if (needs.peakIops > baseline) {
		if (storageGb < rates.largeVolumeGb)
			warnings.push(
				`The peak needs about ${formatNumber(needs.peakIops)} IOPS; gp3 below ${rates.largeVolumeGb} GB is fixed at ${formatNumber(rates.baselineIops)}. Allocate ${rates.largeVolumeGb} GB for ${formatNumber(rates.largeVolumeBaselineIops)}.`,
			);
		else
			lines.push(
				line(
					'iops',
					'Provisioned IOPS above the baseline',
					needs.peakIops - baseline,
					'IOPS-month',
					input.ha ? rates.haIopsMonth : rates.iopsMonth,
				),
			);
	}
	lines.push(...awsBackupAndEgress(ctx, storageGb, rates));
	if (size.maxConnections && input.connections > size.maxConnections)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed ${size.label}'s default max_connections of about ${formatNumber(size.maxConnections)}: put RDS Proxy or PgBouncer in front.`,
		);
	if (input.ha)
		warnings.push(
			'Multi-AZ doubles the instance and the storage: the standby takes over in a failover (typically 60 to 120 seconds) and serves no reads.',
		);
	const why = [sizingWhy(size.label, needs, size)];
	if (size.baselineCpu)
		why.push(
			`Burstable: it sustains ${size.baselineCpu * 100}% of its ${size.vcpu} vCPU (${formatNumber(size.vcpu * size.baselineCpu)}), above the average load of ${formatNumber(needs.avgVcpu)}.`,
		);
	if (fit.skipped) why.push(`The next cheaper class does not fit: ${fit.skipped}.`);
	why.push(
		`${formatNumber(storageGb)} GB of gp3 (at least ${rates.minStorageGb} GB), ${formatNumber(baseline)} IOPS included.`,
	);
	return quote(
		sheet,
		`${size.label}, ${deployment}`,
		why,
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

function priceAurora(sheet: SheetOf<'aurora-serverless'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	// Memory is the one resource AWS states per ACU, so capacity follows the working set.
	const acu = Math.max(0.5, ceilTo(needs.memoryGb / rates.acuMemoryGb, 0.5));
	if (acu > rates.maxAcu)
		return unfit(
			sheet,
			`No capacity fits: the working set needs ${formatNumber(acu)} ACU, above the ${rates.maxAcu} ACU maximum`,
		);
	const instances = input.ha ? 2 : 1;
	const acuHours = acu * HOURS_PER_MONTH * instances;
	const ioMillions = needs.monthlyIos / 1e6;
	const standard = [
		line(
			'acu',
			`ACU-hours (Aurora Standard)${input.ha ? ', writer and reader' : ''}`,
			acuHours,
			'ACU-hours',
			rates.acuHour,
			`${formatNumber(acu)} ACU × ${HOURS_PER_MONTH} h × ${instances} × ${money(rates.acuHour)}`,
		),
		line('storage', 'Storage (Aurora Standard)', input.dataGb, 'GB-month', rates.storageGbMonth),
		line('io', 'I/O requests', ioMillions, 'million', rates.ioPerMillion),
	];
	const optimized = [
		line(
			'acu',
			`ACU-hours (I/O-Optimized)${input.ha ? ', writer and reader' : ''}`,
			acuHours,
			'ACU-hours',
			rates.ioOptimizedAcuHour,
			`${formatNumber(acu)} ACU × ${HOURS_PER_MONTH} h × ${instances} × ${money(rates.ioOptimizedAcuHour)}`,
		),
		line('storage', 'Storage (I/O-Optimized)', input.dataGb, 'GB-month', rates.ioOptimizedStorageGbMonth),
	];
	const useOptimized = total(optimized) < total(standard);
	const lines = useOptimized ? optimized : standard;
	lines.push(...awsBackupAndEgress(ctx, input.dataGb, rates));
	// max_connections follows the maximum ACU setting; we set it to twice the average for the peak.
	const maxSetting = Math.min(rates.maxAcu, acu * 2);
	const connections = Math.min(rates.maxConnections, Math.floor(maxSetting * rates.connectionsPerAcu));
	const warnings: string[] = [];
	if (input.connections > connections)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed the about ${formatNumber(connections)} that ${formatNumber(maxSetting)} ACU allows: raise the maximum ACU or use RDS Proxy.`,
		);
	if (input.ha)
		warnings.push('The reader in another zone, for failover in under a minute, doubles the ACU-hours.');
	warnings.push(
		'With a minimum of 0 ACU Aurora pauses when idle and takes about 15 seconds to resume (AWS, as reported by InfoQ; a secondary source); this estimate keeps it running.',
	);
	const config = useOptimized ? 'I/O-Optimized' : 'Standard';
	return quote(
		sheet,
		`${formatNumber(acu)} ACU on average, Aurora ${config}${input.ha ? ', with a reader' : ''}`,
		[
			`${formatNumber(acu)} ACU holds the ${formatNumber(needs.memoryGb)} GB working set (1 ACU is about ${rates.acuMemoryGb} GiB); AWS does not state CPU per ACU, so a CPU-bound peak scales higher.`,
			`Aurora Standard would be ${money(round2(total(standard)))} and I/O-Optimized ${money(round2(total(optimized)))} before backups and egress: ${config} is cheaper for ${formatNumber(Math.round(ioMillions))} million I/Os a month.`,
			`Maximum set to ${formatNumber(maxSetting)} ACU for the peak.`,
		],
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

type NeonRates = SheetOf<'neon'>['rates'];

/** Neon's month from the quantities its plans page bills, so its worked examples test it. */
export function neonBill(
	rates: NeonRates,
	plan: 'Launch' | 'Scale',
	usage: { cuHours: number; storageGb: number; historyGb: number; egressGb: number },
	computeFormula?: string,
): LineItem[] {
	const cuRate = plan === 'Scale' ? rates.scaleCuHour : rates.launchCuHour;
	return [
		line('compute', `Compute on ${plan}`, usage.cuHours, 'CU-hours', cuRate, computeFormula),
		line('storage', 'Storage', usage.storageGb, 'GB-month', rates.storageGbMonth),
		line('history', 'Restore history (changes kept)', usage.historyGb, 'GB-month', rates.historyGbMonth),
		...egressLines(usage.egressGb, rates.includedEgressGb, rates.egress),
	];
}

type SupabaseRates = SheetOf<'supabase'>['rates'];

/** Supabase's month on Pro from billed quantities, so the examples in its docs test it. */
export function supabaseBill(
	rates: SupabaseRates,
	size: DbSize,
	usage: {
		hours: number;
		diskGb: number;
		egressGb: number;
		pitr?: { days: number; usdPerMonth: number } | undefined;
		replica: boolean;
	},
): LineItem[] {
	const hourly = size.usdPerHour ?? 0;
	const lines = [
		line('plan', 'Pro plan', 1, 'month', rates.planUsd),
		line('compute', `${size.label} compute`, usage.hours, 'hours', hourly),
		// Credits cover compute only, never more than it costs (and not read replicas).
		line(
			'credits',
			'Compute credits',
			1,
			'month',
			-Math.min(rates.computeCreditUsd, hourly * usage.hours),
			`−min(${money(rates.computeCreditUsd)}, compute)`,
		),
	];
	if (usage.diskGb > rates.includedDiskGb)
		lines.push(
			line(
				'disk',
				`Disk past ${rates.includedDiskGb} GB`,
				usage.diskGb - rates.includedDiskGb,
				'GB-month',
				rates.diskGbMonth,
			),
		);
	lines.push(...egressLines(usage.egressGb, rates.includedEgressGb, rates.egress));
	if (usage.pitr)
		lines.push(
			line('pitr', `Point-in-time recovery, ${usage.pitr.days} days`, 1, 'month', usage.pitr.usdPerMonth),
		);
	if (usage.replica)
		lines.push(
			line('replica-compute', `Read replica: ${size.label} compute`, usage.hours, 'hours', hourly),
			line(
				'replica-disk',
				`Read replica disk (${rates.replicaDiskFactor}× the primary's)`,
				Math.max(usage.diskGb, rates.includedDiskGb) * rates.replicaDiskFactor,
				'GB-month',
				rates.diskGbMonth,
			),
			line('replica-ipv4', 'Read replica IPv4 address', 1, 'month', rates.ipv4Month),
		);
	return lines;
}

function priceNeon(sheet: SheetOf<'neon'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	// The minimum size holds the working set (Neon's advice); autoscaling covers the peak's CPU.
	const minCu = Math.max(0.25, ceilTo(needs.memoryGb / rates.cuMemoryGb, 0.25));
	const avgCu = Math.max(minCu, ceilTo(needs.avgVcpu, 0.25));
	const peakCu = Math.max(avgCu, ceilTo(needs.peakVcpu, 0.25));
	if (peakCu > 56)
		return unfit(
			sheet,
			`No compute fits: the workload needs ${formatNumber(peakCu)} CU, above the largest fixed size of 56 CU`,
		);
	const computes = input.ha ? 2 : 1;
	const cuHours = avgCu * HOURS_PER_MONTH * computes;
	const free =
		!input.ha &&
		input.backupDays === 0 &&
		input.dataGb <= rates.freeStorageGb &&
		cuHours <= rates.freeCuHours &&
		input.egressGb <= rates.freeEgressGb;
	const scale = input.backupDays > rates.launchHistoryDays || peakCu > rates.maxAutoscaleCu;
	const plan = free ? 'Free' : scale ? 'Scale' : 'Launch';
	const historyDays = Math.min(input.backupDays, rates.scaleHistoryDays);
	const lines = free
		? [line('compute', 'Compute (Free plan allowance)', cuHours, 'CU-hours', 0)]
		: neonBill(
				rates,
				scale ? 'Scale' : 'Launch',
				{
					cuHours,
					storageGb: input.dataGb,
					historyGb: needs.changedGb * (historyDays / Math.max(1, input.backupDays)),
					egressGb: input.egressGb,
				},
				`${formatNumber(avgCu)} CU × ${HOURS_PER_MONTH} h × ${computes} ${computes > 1 ? 'computes (primary and read replica)' : 'compute'} × ${money(scale ? rates.scaleCuHour : rates.launchCuHour)}`,
			);
	const direct = Math.min(rates.maxConnections, Math.floor(peakCu * rates.connectionsPerCu));
	const warnings: string[] = [];
	if (input.connections > rates.pooledConnections)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed the pooler's ${formatNumber(rates.pooledConnections)} clients.`,
		);
	else if (input.connections > direct)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed the ${formatNumber(direct)} direct ones at ${formatNumber(peakCu)} CU: use the pooled connection string (PgBouncer, up to ${formatNumber(rates.pooledConnections)} clients).`,
		);
	if (input.backupDays > rates.scaleHistoryDays)
		warnings.push(
			`Neon keeps at most ${rates.scaleHistoryDays} days of restore history; keep your own dumps for ${input.backupDays} days.`,
		);
	if (plan !== 'Scale')
		warnings.push(
			`The compute suspends after ${rates.suspendAfterMinutes} minutes without queries; the next query waits a few hundred milliseconds while it resumes.${plan === 'Launch' ? ' Launch lets you turn this off.' : ''}`,
		);
	if (free) {
		const months = monthsUntil(input, rates.freeStorageGb);
		if (months)
			warnings.push(
				`The Free plan's ${rates.freeStorageGb} GB is reached in ${months} months at this growth.`,
			);
	}
	if (input.ha)
		warnings.push(
			'Neon has no standby compute: the read replica serves reads and is billed as a second compute.',
		);
	const why = [
		`${formatNumber(minCu)} CU holds the ${formatNumber(needs.memoryGb)} GB working set (1 CU is about ${rates.cuMemoryGb} GB)${peakCu > minCu ? `; autoscaling to ${formatNumber(peakCu)} CU covers the peak` : ' and covers the peak'}; about ${formatNumber(avgCu)} CU on average.`,
		free
			? 'Fits the Free plan: within its storage, compute-hours and egress.'
			: scale
				? `Scale, because ${input.backupDays > rates.launchHistoryDays ? `${input.backupDays} days of restore history is past Launch's ${rates.launchHistoryDays}` : `the peak needs more than ${rates.maxAutoscaleCu} CU`}.`
				: `Launch: no monthly minimum, up to ${rates.launchHistoryDays} days of restore history.`,
	];
	return quote(
		sheet,
		`${plan} plan, ${formatNumber(minCu)}${peakCu > minCu ? ` to ${formatNumber(peakCu)}` : ''} CU${input.ha ? ' with a read replica' : ''}`,
		why,
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

function priceSupabase(sheet: SheetOf<'supabase'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	// The Free plan: no backups, no replica, within its database size, egress and Nano's memory.
	const freeSize = sheet.sizes[0];
	if (
		!input.ha &&
		input.backupDays === 0 &&
		input.dataGb <= rates.freeDatabaseGb &&
		input.egressGb <= rates.freeEgressGb &&
		needs.memoryGb <= rates.freeDatabaseGb &&
		freeSize?.pooledConnections !== undefined &&
		input.connections <= freeSize.pooledConnections
	) {
		const warnings = [
			`Free projects pause after ${rates.freePausedAfterDays} days of low activity and have no backups.`,
		];
		const months = monthsUntil(input, rates.freeDatabaseGb);
		if (months)
			warnings.push(
				`The Free plan's ${rates.freeDatabaseGb} GB database is reached in ${months} months at this growth.`,
			);
		return quote(
			sheet,
			'Free plan',
			['Fits the Free plan: within its database size and egress, with no backups asked for.'],
			[estimateOf(sheet, sheet.name, [line('plan', 'Free plan', 1, 'month', 0)])],
			[...warnings, ...hyperdriveNote(ctx)],
		);
	}
	const pitr =
		input.backupDays > rates.includedBackupDays
			? (rates.pitr.find((option) => option.days >= input.backupDays) ?? rates.pitr.at(-1))
			: undefined;
	const fit = cheapestFit(
		sheet.sizes,
		needs,
		(size) => size.usdPerHour ?? 0,
		(size) => {
			if (size.pooledConnections && input.connections > size.pooledConnections)
				return `its pooler takes ${formatNumber(size.pooledConnections)} clients, fewer than ${formatNumber(input.connections)}`;
			// Point-in-time recovery needs at least the Small compute.
			if (pitr && size.id === 'micro') return 'point-in-time recovery needs Small or larger';
			return undefined;
		},
	);
	if (!fit.size) return unfit(sheet, fit.reason);
	const size = fit.size;
	const lines = supabaseBill(rates, size, {
		hours: HOURS_PER_MONTH,
		diskGb: input.dataGb,
		egressGb: input.egressGb,
		pitr,
		replica: input.ha,
	});
	const warnings: string[] = [];
	if (size.maxConnections && input.connections > size.maxConnections)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed ${size.label}'s ${formatNumber(size.maxConnections)} direct ones: connect through the pooler (Supavisor, up to ${formatNumber(size.pooledConnections ?? 0)} clients).`,
		);
	if (pitr && input.backupDays > pitr.days)
		warnings.push(
			`Point-in-time recovery goes back at most ${pitr.days} days on a self-serve plan; ${input.backupDays} days needs Enterprise or your own dumps.`,
		);
	if (input.ha)
		warnings.push(
			'We found no self-serve standby with automatic failover: the read replica keeps a copy and serves reads, and is billed on top, outside the compute credits.',
		);
	if (size.sharedCpu)
		warnings.push(`${size.label} shares its CPU and can burst; Large and up are dedicated.`);
	const why = [sizingWhy(size.label, needs, size)];
	if (fit.skipped) why.push(`The next cheaper size does not fit: ${fit.skipped}.`);
	why.push(
		pitr
			? `${input.backupDays} days of backups: ${pitr.days}-day point-in-time recovery add-on.`
			: `Daily backups for ${rates.includedBackupDays} days are included on Pro.`,
	);
	return quote(
		sheet,
		`Pro plan, ${size.label} compute${input.ha ? ' and a read replica' : ''}`,
		why,
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

function priceRailway(sheet: SheetOf<'railway'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	if (input.dataGb > rates.maxVolumeGb)
		return unfit(
			sheet,
			`No plan fits: ${formatNumber(input.dataGb)} GB is past the ${rates.maxVolumeGb} GB self-serve volume`,
		);
	const hobby = input.dataGb <= rates.hobbyMaxVolumeGb;
	const planUsd = hobby ? rates.hobbyPlanUsd : rates.planUsd;
	const copies = input.ha ? 1 + rates.haReplicas : 1;
	// Usage billing: memory held for the working set, CPU as used on average, per copy.
	const ramGb = Math.max(0.25, needs.memoryGb);
	const vcpu = Math.max(0.05, needs.avgVcpu);
	const usage = [
		line(
			'ram',
			`Memory${copies > 1 ? `, ${copies} copies` : ''}`,
			ramGb * copies,
			'GB-month',
			rates.ramGbMonth,
		),
		line('cpu', `CPU${copies > 1 ? `, ${copies} copies` : ''}`, vcpu * copies, 'vCPU-month', rates.vcpuMonth),
		line(
			'volume',
			`Volume${copies > 1 ? `, ${copies} copies` : ''}`,
			input.dataGb * copies,
			'GB-month',
			rates.volumeGbMonth,
		),
		line(
			'backup',
			`Backups (changes over ${rates.backupDays} days)`,
			(needs.changedGb * rates.backupDays) / Math.max(1, input.backupDays),
			'GB-month',
			rates.volumeGbMonth,
		),
		...egressLines(input.egressGb, 0, rates.egress),
	];
	const usageUsd = total(usage);
	const lines = [
		line('plan', `${hobby ? 'Hobby' : 'Pro'} plan`, 1, 'month', planUsd),
		...usage,
		line(
			'included',
			'Usage the plan fee covers',
			1,
			'month',
			-Math.min(planUsd, usageUsd),
			`−min(${money(planUsd)}, usage)`,
		),
	];
	const warnings: string[] = [];
	if (input.connections > POSTGRES_DEFAULT_CONNECTIONS)
		warnings.push(
			`${formatNumber(input.connections)} connections exceed PostgreSQL's default max_connections of ${POSTGRES_DEFAULT_CONNECTIONS}: raise it (each connection takes memory) or add PgBouncer.`,
		);
	const months = hobby ? monthsUntil(input, rates.hobbyMaxVolumeGb) : monthsUntil(input, rates.maxVolumeGb);
	if (months)
		warnings.push(
			`The ${hobby ? 'Hobby' : 'Pro'} volume limit of ${hobby ? rates.hobbyMaxVolumeGb : rates.maxVolumeGb} GB is reached in ${months} months at this growth.`,
		);
	warnings.push('The PostgreSQL template is unmanaged: tuning, upgrades and monitoring are yours.');
	if (input.ha)
		warnings.push(
			`High availability runs the primary and ${rates.haReplicas} replicas (Patroni): three copies of memory, CPU and volume, plus small etcd and HAProxy services not priced here.`,
		);
	const why = [
		`Billed on use: ${formatNumber(ramGb)} GB of memory holds the working set and ${formatNumber(vcpu)} vCPU is the average load.`,
		hobby
			? `Hobby: the data fits its ${rates.hobbyMaxVolumeGb} GB volume.`
			: `Pro: past Hobby's ${rates.hobbyMaxVolumeGb} GB volume.`,
	];
	return quote(
		sheet,
		`${hobby ? 'Hobby' : 'Pro'} plan, usage-billed${input.ha ? ', HA cluster' : ''}`,
		why,
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

function pricePlanetScale(sheet: SheetOf<'planetscale'>, ctx: Context): DatabaseQuote {
	const { input, needs } = ctx;
	const { rates } = sheet;
	const monthly = (size: DbSize) => (input.ha ? size.haUsdPerMonth : size.usdPerMonth) ?? 0;
	const fit = cheapestFit(sheet.sizes, needs, monthly);
	if (!fit.size) return unfit(sheet, fit.reason);
	const size = fit.size;
	const nodes = input.ha ? rates.haNodes : 1;
	const lines = [
		line(
			'cluster',
			`${size.label}${input.ha ? ', primary and two replicas' : ', single node'}`,
			1,
			'month',
			monthly(size),
		),
	];
	if (input.dataGb > rates.includedStorageGb)
		lines.push(
			line(
				'storage',
				`Storage past ${rates.includedStorageGb} GB, on ${nodes} ${nodes === 1 ? 'node' : 'nodes'}`,
				(input.dataGb - rates.includedStorageGb) * nodes,
				'GB-month',
				rates.storageGbMonth,
			),
		);
	const backupOver = needs.backupGb - input.dataGb * rates.includedBackupFactor;
	if (backupOver > 0)
		lines.push(line('backup', 'Backups past twice the disk', backupOver, 'GB-month', rates.backupGbMonth));
	lines.push(...egressLines(input.egressGb, rates.includedEgressGb, rates.egress));
	const warnings = [
		'PlanetScale publishes no max_connections per size; every primary has a free PgBouncer.',
		...(input.ha ? [] : ['A single node has no replica to fail over to.']),
	];
	if (size.sharedCpu) warnings.push(`${size.label} has a fraction of a vCPU (${formatNumber(size.vcpu)}).`);
	const why = [sizingWhy(size.label, needs, size)];
	if (fit.skipped) why.push(`The next cheaper size does not fit: ${fit.skipped}.`);
	return quote(
		sheet,
		`${size.label}, ${input.ha ? 'highly available (3 nodes)' : 'single node'}`,
		why,
		[estimateOf(sheet, sheet.name, lines)],
		[...warnings, ...hyperdriveNote(ctx)],
	);
}

function priceD1(sheet: SheetOf<'d1'>, ctx: Context): DatabaseQuote {
	const { input, needs, data } = ctx;
	const { rates } = sheet;
	const perSecond = Math.floor(1000 / input.queryMs) * rates.queriesAtOnce;
	if (input.dataGb > rates.maxDatabaseGb)
		return unfit(
			sheet,
			`Does not fit one database: ${formatNumber(input.dataGb)} GB is past D1's ${rates.maxDatabaseGb} GB limit, which cannot be raised; split the data, e.g. one database per tenant`,
		);
	if (needs.peakQps > perSecond)
		return unfit(
			sheet,
			`Does not fit one database: it runs one query at a time, so at ${formatNumber(input.queryMs)} ms a query it serves about ${formatNumber(perSecond)} a second, below the peak of ${formatNumber(needs.peakQps)}`,
		);
	const rows = {
		rowsRead: input.avgReadsPerSecond * input.rowsPerRead * SECONDS_PER_MONTH,
		rowsWritten: input.avgWritesPerSecond * input.rowsPerWrite * SECONDS_PER_MONTH,
		storageGb: input.dataGb,
	};
	const d1 = estimateProduct('cloudflare-d1', rows, data.d1, { freeTier: false });
	const fee = data.workers.baseFeeUsd;
	const plan: Estimate = {
		product: 'database',
		productName: 'Workers Paid plan (D1 needs it)',
		lineItems: [line('plan', 'Workers Paid: the same fee as for Workers, paid once', 1, 'month', fee)],
		totalUsd: fee,
		priceSheet: refOf(data.workers.id, data.workers),
	};
	const warnings = [
		`One database runs one query at a time: about ${formatNumber(perSecond)} queries a second at ${formatNumber(input.queryMs)} ms each, ${Math.round((needs.peakQps / perSecond) * 100)}% used at peak. Slow queries or long writes hold up everything behind them.`,
	];
	const months = monthsUntil(input, rates.maxDatabaseGb);
	if (months)
		warnings.push(
			`The ${rates.maxDatabaseGb} GB limit per database is reached in ${months} months at this growth: plan to split the data.`,
		);
	if (input.backupDays > 30)
		warnings.push('Time Travel restores any minute of the last 30 days; keep exports for longer.');
	if (input.ha)
		warnings.push(
			'D1 has no standby to buy; read replicas (in beta) serve reads near users, and writes still go to one primary.',
		);
	return quote(
		sheet,
		'One D1 database on Workers Paid',
		[
			`${formatNumber(input.dataGb)} GB fits under the ${rates.maxDatabaseGb} GB limit, and the peak fits one query at a time.`,
			`Billed by rows: ${formatNumber(input.rowsPerRead)} rows scanned per read and ${formatNumber(input.rowsPerWrite)} written per write, on the average rates.`,
		],
		[d1, plan],
		warnings,
	);
}

/** One pricer per pricing model: adding a provider is a sheet and a line here. */
const PRICERS: { [P in DatabaseSheet['pricing']]: (sheet: SheetOf<P>, ctx: Context) => DatabaseQuote } = {
	rds: priceRds,
	'aurora-serverless': priceAurora,
	neon: priceNeon,
	supabase: priceSupabase,
	railway: priceRailway,
	planetscale: pricePlanetScale,
	d1: priceD1,
};

/** Every provider's month for the workload, in sheet order. */
export function priceDatabases(
	input: DatabaseInput,
	needs: WorkloadNeeds,
	data: DatabaseData,
): DatabaseQuote[] {
	const cloudflare = data.sheets.find((sheet): sheet is SheetOf<'d1'> => sheet.pricing === 'd1');
	const ctx: Context = { input, needs, data, cloudflare };
	return data.sheets.map((sheet) =>
		(PRICERS[sheet.pricing] as (sheet: DatabaseSheet, ctx: Context) => DatabaseQuote)(sheet, ctx),
	);
}
