import { describe, expect, it } from 'vitest';
import {
	databaseData,
	estimateDatabases,
	costAgainstDataSize,
	scaleDatabase,
} from '~/lib/calculators/database/compute';
import { DATABASE_FIELDS, DATABASE_PRESETS } from '~/lib/calculators/database/fields';
import { neonBill, supabaseBill } from '~/lib/calculators/database/providers';
import { sizeShortfall, workloadNeeds, type DatabaseInput } from '~/lib/calculators/database/sizing';
import { defaultsOf } from '~/lib/calculators/fields';
import { valuesForPreset } from '~/lib/calculators/presets';
import type { DatabaseSheet } from '~/lib/pricing/catalog';
import { DatabasePriceSheetSchema } from '~/lib/pricing/database-sheet-schema';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog();
const data = databaseData(catalog);
const defaults = defaultsOf<DatabaseInput>(DATABASE_FIELDS);
const preset = (id: string) => valuesForPreset<DatabaseInput>(DATABASE_FIELDS, DATABASE_PRESETS, id);
const sheet = <P extends DatabaseSheet['pricing']>(pricing: P) =>
	catalog.database.find((candidate) => candidate.pricing === pricing) as Extract<
		DatabaseSheet,
		{ pricing: P }
	>;
const sum = (lines: { usd: number }[]) =>
	Math.round(lines.reduce((total, line) => total + line.usd, 0) * 100) / 100;
const quoteOf = (input: DatabaseInput, id: string) => {
	const found = estimateDatabases(input, data).quotes.find((quote) => quote.id === id);
	if (!found) throw new Error(`no quote for ${id}`);
	return found;
};

describe('sizing rules', () => {
	it('holds the working set in the 75% of memory that caches data', () => {
		const needs = workloadNeeds({ ...defaults, dataGb: 30, hotDataPct: 20 });
		expect(needs.memoryGb).toBe(8); // 30 GB × 20% ÷ 0.75
	});

	it('plans CPU for the peak at 75% busy, and bills usage on the average', () => {
		const needs = workloadNeeds({
			...defaults,
			peakReadsPerSecond: 1200,
			peakWritesPerSecond: 300,
			avgReadsPerSecond: 200,
			avgWritesPerSecond: 50,
			queryMs: 2,
		});
		expect(needs.peakVcpu).toBe(4); // 1,500 q/s × 2 ms ÷ 0.75
		expect(needs.avgVcpu).toBe(0.5);
	});

	it('turns down a burstable size whose average load is above its baseline', () => {
		const needs = workloadNeeds({ ...defaults, avgReadsPerSecond: 500, queryMs: 1, dataGb: 1 });
		// db.t4g.small: 2 vCPU at 20% sustains 0.4 vCPU; the average here is 0.51.
		expect(sizeShortfall({ vcpu: 2, memoryGb: 2, baselineCpu: 0.2 }, needs)).toMatch(/burstable baseline/);
		expect(sizeShortfall({ vcpu: 2, memoryGb: 8 }, needs)).toBeUndefined();
	});
});

describe("providers' published worked examples", () => {
	// Neon, "Usage-based cost examples" on https://neon.com/docs/introduction/plans (2026-08-27).
	// Child-branch storage is billed at the storage rate, so it joins the root's here.
	it.each([
		['Launch', 10, 2 + 1, 1, 2.31],
		['Launch', 120, 20 + 5, 10, 23.47],
		['Launch', 250, 40 + 10, 20, 48.0],
		['Scale', 1700, 100 + 25, 50, 431.15],
		['Scale', 2600, 150 + 40, 75, 658.7],
	] as const)(
		'Neon %s: %d CU-hours, %d GB, %d GB history = $%d',
		(plan, cuHours, storageGb, historyGb, usd) => {
			expect(sum(neonBill(sheet('neon').rates, plan, { cuHours, storageGb, historyGb, egressGb: 0 }))).toBe(
				usd,
			);
		},
	);

	// Supabase, "manage-your-usage/compute" and "egress" (supabase/supabase docs).
	it('Supabase: Pro with one Micro project for 744 hours is $25 after the $10 credits', () => {
		const micro = sheet('supabase').sizes[0]!;
		const lines = supabaseBill(sheet('supabase').rates, micro, {
			hours: 744,
			diskGb: 8,
			egressGb: 0,
			replica: false,
		});
		expect(sum(lines)).toBe(25);
	});

	it('Supabase: Pro, Small compute and 300 GB of egress: 50 GB past the quota at $0.09', () => {
		const small = sheet('supabase').sizes[1]!;
		const lines = supabaseBill(sheet('supabase').rates, small, {
			hours: 730,
			diskGb: 8,
			egressGb: 300,
			replica: false,
		});
		expect(lines.find((line) => line.id === 'egress-0')?.usd).toBe(4.5);
		// The docs' $51 also has 800 GB of cached egress ($16.50), which we do not price, and rounds
		// Small's 730 hours ($15.04) to $15.
		expect(sum(lines) + 16.5).toBeCloseTo(51, 0);
	});
});

describe('the database calculator', () => {
	it("prices the 'SaaS, first customers' preset on every provider, cheapest first", () => {
		const { ranked, quotes } = estimateDatabases(preset('saas-startup'), data);
		expect(quotes).toHaveLength(catalog.database.length);
		expect(ranked.map((quote) => quote.totalUsd)).toEqual(
			[...ranked.map((q) => q.totalUsd)].sort((a, b) => a - b),
		);
		// 20 GB with 20% hot needs 5.33 GB of memory: db.t4g.large is the first RDS class with 8 GB.
		expect(quoteOf(preset('saas-startup'), 'rds').plan).toBe('db.t4g.large, Single-AZ');
		// Instance hours, 20 GB of gp3, and the backup past 20 GB (7 days of growth on top of the data).
		const backupOver = workloadNeeds(preset('saas-startup')).backupGb - 20;
		expect(quoteOf(preset('saas-startup'), 'rds').totalUsd).toBeCloseTo(
			730 * 0.129 + 20 * 0.115 + backupOver * 0.095,
			4,
		);
	});

	it('says why D1 does not fit: the 10 GB limit per database', () => {
		const d1 = quoteOf({ ...defaults, dataGb: 20 }, 'd1');
		expect(d1.fits).toBe(false);
		expect(d1.plan).toMatch(/10 GB limit, which cannot be raised/);
	});

	it('says why D1 does not fit: one query at a time, below the peak', () => {
		const d1 = quoteOf(
			{ ...defaults, dataGb: 1, peakReadsPerSecond: 900, peakWritesPerSecond: 200, queryMs: 1 },
			'd1',
		);
		expect(d1.plan).toMatch(/one query at a time/);
	});

	it('warns when growth crosses a plan limit within 12 months', () => {
		const d1 = quoteOf({ ...defaults, dataGb: 6, growthGbPerMonth: 1 }, 'd1');
		expect(d1.warnings.join(' ')).toMatch(/reached in 4 months/);
	});

	it('warns that connections past the direct limit need a pooler', () => {
		const rds = quoteOf({ ...defaults, dataGb: 1, connections: 500 }, 'rds');
		expect(rds.warnings.join(' ')).toMatch(/RDS Proxy or PgBouncer/);
		const railway = quoteOf({ ...defaults, connections: 150 }, 'railway');
		expect(railway.warnings.join(' ')).toMatch(/default max_connections of 100/);
	});

	it('doubles RDS compute and storage for Multi-AZ, and says so', () => {
		const single = quoteOf({ ...defaults, ha: false }, 'rds');
		const multi = quoteOf({ ...defaults, ha: true }, 'rds');
		expect(multi.plan).toMatch(/Multi-AZ/);
		expect(multi.totalUsd).toBeCloseTo(single.totalUsd * 2, 1);
		expect(multi.warnings.join(' ')).toMatch(/doubles/);
	});

	it('warns about scale-to-zero cold starts on Neon Launch and Aurora', () => {
		expect(quoteOf(defaults, 'neon').warnings.join(' ')).toMatch(/few hundred milliseconds/);
		expect(quoteOf(defaults, 'aurora-serverless').warnings.join(' ')).toMatch(/15 seconds to resume/);
	});

	it('marks where the cheapest provider changes as the data grows', () => {
		const curve = costAgainstDataSize(preset('saas-startup'), data);
		expect(curve.dataGb).toHaveLength(10);
		expect(curve.crossovers.length).toBeGreaterThan(0);
		for (const crossover of curve.crossovers) expect(crossover.from).not.toBe(crossover.to);
	});

	it('scales query rates, connections and egress with traffic, and leaves the data alone', () => {
		const scaled = scaleDatabase(defaults, 10);
		expect(scaled.peakReadsPerSecond).toBe(defaults.peakReadsPerSecond * 10);
		expect(scaled.dataGb).toBe(defaults.dataGb);
	});
});

describe('database price sheets', () => {
	it('name the size and the field an RDS sheet is missing', () => {
		const raw = {
			kind: 'database',
			pricing: 'rds',
			provider: 'AWS',
			name: 'RDS',
			engine: 'PostgreSQL',
			asOf: '2026-11-30',
			reviewEveryDays: 90,
			source: 'https://aws.amazon.com/rds/postgresql/pricing/',
			watch: { kind: 'manual', why: 'a sheet made up for this test' },
			sizes: [{ id: 'db.t4g.micro', label: 'db.t4g.micro', vcpu: 2, memoryGb: 1, usdPerHour: 0.016 }],
			rates: sheet('rds').rates,
		};
		const result = DatabasePriceSheetSchema.safeParse(raw);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['sizes', 0, 'haUsdPerHour']);
		expect(result.error?.issues[0]?.message).toMatch(/db.t4g.micro needs haUsdPerHour/);
	});
});
