import type { DatabaseSheet, PriceCatalog } from '../../pricing/catalog.ts';
import { meteredSheet } from '../../pricing/catalog.ts';
import { priceDatabases, type DatabaseData, type DatabaseQuote } from './providers.ts';
import { workloadNeeds, type DatabaseInput, type WorkloadNeeds } from './sizing.ts';

export type { DatabaseData, DatabaseQuote } from './providers.ts';
export type { DatabaseInput } from './sizing.ts';

/** A database sheet without the prose only people read, for the island's props. */
const pricingOnly = (sheet: DatabaseSheet): DatabaseSheet => ({ ...sheet, notes: '', secondary: '' });

/** The price data the database calculator works from. */
export function databaseData(catalog: PriceCatalog): DatabaseData {
	return {
		sheets: catalog.database.map(pricingOnly),
		d1: meteredSheet(catalog.metered, 'cloudflare-d1'),
		workers: meteredSheet(catalog.metered, 'cloudflare-workers'),
		today: catalog.today,
	};
}

export interface DatabaseResult {
	needs: WorkloadNeeds;
	/** Every provider, in sheet order; `fits` says whether it could run the workload. */
	quotes: DatabaseQuote[];
	/** The providers that fit, cheapest first. */
	ranked: DatabaseQuote[];
}

/** Sizes and prices the workload on every provider. */
export function estimateDatabases(input: DatabaseInput, data: DatabaseData): DatabaseResult {
	const needs = workloadNeeds(input);
	const quotes = priceDatabases(input, needs, data);
	return { needs, quotes, ranked: quotes.filter((q) => q.fits).sort((a, b) => a.totalUsd - b.totalUsd) };
}

/** The workload at `level` times its traffic: query rates, connections and egress grow; data stays. */
export function scaleDatabase(input: DatabaseInput, level: number): DatabaseInput {
	return {
		...input,
		peakReadsPerSecond: input.peakReadsPerSecond * level,
		avgReadsPerSecond: input.avgReadsPerSecond * level,
		peakWritesPerSecond: input.peakWritesPerSecond * level,
		avgWritesPerSecond: input.avgWritesPerSecond * level,
		connections: Math.ceil(input.connections * level),
		egressGb: input.egressGb * level,
	};
}

/** Data-size multiples the chart prices, a tenth to a hundred times the workload's data. */
export const DATA_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100] as const;

export interface DataSizeCurve {
	dataGb: number[];
	/** Monthly cost per provider at each size; null where it does not fit. */
	series: { id: string; name: string; usd: (number | null)[] }[];
	/** Where the cheapest provider changes, e.g. { dataGb: 180, from: 'Neon', to: 'AWS' }. */
	crossovers: { dataGb: number; from: string; to: string }[];
}

/** Monthly cost against data size (the working set and growth scale with it). */
export function costAgainstDataSize(input: DatabaseInput, data: DatabaseData): DataSizeCurve {
	const runs = DATA_STEPS.map((factor) => {
		const scaled = {
			...input,
			dataGb: input.dataGb * factor,
			growthGbPerMonth: input.growthGbPerMonth * factor,
		};
		return { dataGb: scaled.dataGb, result: estimateDatabases(scaled, data) };
	});
	const first = runs[0]?.result.quotes ?? [];
	const series = first.map((quote, index) => ({
		id: quote.id,
		name: quote.name,
		usd: runs.map((run) => {
			const at = run.result.quotes[index];
			return at?.fits ? at.totalUsd : null;
		}),
	}));
	const crossovers: DataSizeCurve['crossovers'] = [];
	runs.forEach((run, index) => {
		const before = runs[index - 1]?.result.ranked[0];
		const now = run.result.ranked[0];
		if (before && now && before.id !== now.id)
			crossovers.push({
				dataGb: run.dataGb,
				from: before.name,
				to: now.name,
			});
	});
	return { dataGb: runs.map((run) => run.dataGb), series, crossovers };
}

/** Options for a stack estimate: every provider that fits, cheapest first. */
export function databaseOptions(input: DatabaseInput, data: DatabaseData, level = 1) {
	const { ranked } = estimateDatabases(level === 1 ? input : scaleDatabase(input, level), data);
	return ranked.map((quote) => ({
		id: quote.id,
		label: `${quote.provider} ${quote.product}: ${quote.plan}`,
		provider: quote.provider,
		usd: quote.totalUsd,
	}));
}
