// The two AWS database sheets (RDS for PostgreSQL, Aurora Serverless v2) against the AmazonRDS
// offer file. That file is tens of megabytes, so it is read as it streams (aws-offer-csv.ts) into
// a small digest of the rows we use, which is what the job keeps and compares. Each price is
// found by AWS's usage-type names for us-east-1 (no region prefix there), so a sheet need not
// list them: a size `db.t4g.micro` is `InstanceUsage:db.t4g.micro` and `Multi-AZUsage:db.t4g.micro`.
import { z } from 'zod';
import type { DatabaseSheet } from '../pricing/catalog.ts';
import { readAwsOfferCsv, type CsvBand } from './aws-offer-csv.ts';
import { tidy } from './aws-offer.ts';
import type { Observation, WatchedPrice } from './drift.ts';
import { UpstreamShapeError } from './model-datasets.ts';

/** One of our prices and the usage type that prices it; `perUnit` turns AWS's unit into ours. */
export interface DatabaseMeter extends WatchedPrice {
	usageType: string;
	perUnit: number;
}

const rate = (field: string, usd: number, usageType: string, perUnit = 1): DatabaseMeter => ({
	item: 'rates',
	field,
	usd,
	usageType,
	perUnit,
});

/** The sheet's prices that the offer file also has, each with its usage type; none for other hosts. */
export function databaseMeters(sheet: DatabaseSheet): DatabaseMeter[] {
	switch (sheet.pricing) {
		case 'rds':
			return [
				// The schema requires both prices of every RDS size.
				...sheet.sizes.flatMap((size) => [
					{ ...rate('usdPerHour', size.usdPerHour ?? 0, `InstanceUsage:${size.id}`), item: size.id },
					{ ...rate('haUsdPerHour', size.haUsdPerHour ?? 0, `Multi-AZUsage:${size.id}`), item: size.id },
				]),
				rate('storageGbMonth', sheet.rates.storageGbMonth, 'RDS:GP3-Storage'),
				rate('haStorageGbMonth', sheet.rates.haStorageGbMonth, 'RDS:Multi-AZ-GP3-Storage'),
				rate('iopsMonth', sheet.rates.iopsMonth, 'RDS:GP3-PIOPS'),
				rate('haIopsMonth', sheet.rates.haIopsMonth, 'RDS:Multi-AZ-GP3-PIOPS'),
				rate('backupGbMonth', sheet.rates.backupGbMonth, 'RDS:ChargedBackupUsage'),
			];
		case 'aurora-serverless':
			return [
				rate('acuHour', sheet.rates.acuHour, 'Aurora:ServerlessV2Usage'),
				rate('ioOptimizedAcuHour', sheet.rates.ioOptimizedAcuHour, 'Aurora:ServerlessV2IOOptimizedUsage'),
				rate('storageGbMonth', sheet.rates.storageGbMonth, 'Aurora:StorageUsage'),
				rate(
					'ioOptimizedStorageGbMonth',
					sheet.rates.ioOptimizedStorageGbMonth,
					'Aurora:IO-OptimizedStorageUsage',
				),
				// AWS prices each I/O; the sheet, per million.
				rate('ioPerMillion', sheet.rates.ioPerMillion, 'Aurora:StorageIOUsage', 1_000_000),
				rate('backupGbMonth', sheet.rates.backupGbMonth, 'Aurora:BackupUsage'),
			];
		default:
			return [];
	}
}

const Digest = z.object({
	publishedAt: z.iso.datetime({ offset: true }),
	rowsRead: z.number().int().nonnegative(),
	bands: z.record(
		z.string(),
		z.array(z.object({ begin: z.number(), end: z.number().nullable(), usd: z.number() })),
	),
});
export type DatabaseDigest = z.infer<typeof Digest>;

/**
 * Reads the offer file's rows for the sheet's usage types as the text streams, and returns them
 * as a small JSON digest. `match` names attributes a row must have (the engine), or leave unstated.
 * @throws UpstreamShapeError when the text is not an offer file.
 */
export async function digestDatabaseOffer(
	chunks: AsyncIterable<string>,
	sheet: DatabaseSheet,
	match: Readonly<Record<string, string>>,
): Promise<string> {
	const usageTypes = [...new Set(databaseMeters(sheet).map((meter) => meter.usageType))];
	const read = await readAwsOfferCsv(
		chunks,
		usageTypes.map((usageType) => ({ key: usageType, attributes: { usageType }, appliesTo: match })),
	);
	const digest: DatabaseDigest = {
		publishedAt: read.publishedAt.toISOString(),
		rowsRead: read.rowsRead,
		bands: Object.fromEntries(read.bands),
	};
	return JSON.stringify(digest);
}

const sameBand = (a: CsvBand, b: CsvBand) => a.begin === b.begin && a.end === b.end && a.usd === b.usd;

/**
 * What the digest says of each of the sheet's prices. A usage type priced more than one way
 * (engines or deployments the match does not tell apart) cannot be compared, so it is refused.
 * @throws UpstreamShapeError when the digest is not one, or a usage type is ambiguous.
 */
export function readDatabaseDigest(
	text: string,
	sheet: DatabaseSheet,
): { observation: Observation; publishedAt: Date } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new UpstreamShapeError('AWS offer file digest: not valid JSON');
	}
	const parsed = Digest.safeParse(json);
	if (!parsed.success) throw new UpstreamShapeError('AWS offer file digest: not the expected shape');
	const listed = new Set<string>();
	const prices: WatchedPrice[] = [];
	for (const meter of databaseMeters(sheet)) {
		const bands = (parsed.data.bands[meter.usageType] ?? []).filter(
			(band, index, all) => all.findIndex((other) => sameBand(other, band)) === index,
		);
		if (bands.length === 0) continue;
		if (bands.length > 1)
			throw new UpstreamShapeError(
				`${bands.length} on-demand prices match ${meter.usageType}; narrow the sheet's watch.match`,
			);
		listed.add(meter.item);
		prices.push({ item: meter.item, field: meter.field, usd: tidy(bands[0]!.usd * meter.perUnit) });
	}
	return {
		observation: { listed, prices, lifecycle: [] },
		publishedAt: new Date(parsed.data.publishedAt),
	};
}
