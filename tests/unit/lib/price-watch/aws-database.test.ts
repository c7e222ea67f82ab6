import { describe, expect, it } from 'vitest';
import { databaseMeters, digestDatabaseOffer, readDatabaseDigest } from '~/lib/price-watch/aws-database';
import { compareSheet, streamedDigest, watchedUrls } from '~/lib/price-watch/check';
import { GITHUB_API } from '~/lib/price-watch/docs-commits';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';
import type { DatabaseSheet } from '~/lib/pricing/catalog';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';
import { rdsOfferLines } from '../../../mocks/aws-rds-offer';

const catalog = loadPriceCatalog();
const sheet = (id: string) => catalog.database.find((candidate) => candidate.id === id) as DatabaseSheet;
const rds = sheet('database-aws-rds-postgres');
const rdsSizes = rds.pricing === 'rds' ? rds.sizes.length : 0;
const aurora = sheet('database-aws-aurora-serverless-v2');

/** The synthetic offer file (about `bytes` long), each line edited by `edit`, as chunks. */
async function* offer(bytes = 300_000, edit: (line: string) => string = (line) => line) {
	for (const line of rdsOfferLines(bytes)) yield edit(line);
}

/** What the job does: digest the file as it streams, then compare the digest with the sheet. */
async function check(target: DatabaseSheet, chunks: AsyncIterable<string>) {
	const [url] = watchedUrls(target, GITHUB_API);
	const digest = streamedDigest(target, url!);
	expect(digest).toBeTypeOf('function');
	return compareSheet(target, new Map([[url!, await digest!(chunks)]]), GITHUB_API, catalog.today);
}

describe('AWS database sheets against the AmazonRDS offer file', () => {
	it('finds every RDS size and rate, and agrees with the sheet', async () => {
		const result = await check(rds, offer());
		expect(result).toMatchObject({
			differences: [],
			listed: rdsSizes + 1,
			watched: rdsSizes + 1,
		});
		expect(result.publishedAt).toEqual(new Date('2026-11-20T10:00:00Z'));
	});

	it('reads Aurora Serverless v2, not the retired v1, with I/O per million requests', async () => {
		const result = await check(aurora, offer());
		expect(result).toMatchObject({ differences: [], listed: 1, watched: 1 });
		const text = await digestDatabaseOffer(offer(), aurora, { databaseEngine: 'Aurora PostgreSQL' });
		expect(readDatabaseDigest(text, aurora).observation.prices).toContainEqual({
			item: 'rates',
			field: 'ioPerMillion',
			usd: 0.2,
		});
	});

	it('reports a changed price as a difference, per size and field', async () => {
		const result = await check(
			rds,
			offer(300_000, (line) =>
				line.includes('"Multi-AZUsage:db.m7g.large"') && line.includes('OnDemand')
					? line.replace('"0.3360000000"', '"0.3520000000"')
					: line,
			),
		);
		expect(result.differences).toEqual([
			{
				kind: 'price',
				item: 'db.m7g.large',
				field: 'haUsdPerHour',
				ours: '0.336',
				theirs: '0.352',
				upstreamUrl: rds.watch.kind === 'aws-price-list' ? rds.watch.url : '',
			},
		]);
	});

	it('refuses a usage type priced two ways the match cannot tell apart', async () => {
		const mysqlDearer = (line: string) =>
			line.includes('running MySQL') && line.includes('OnDemand')
				? line.replace('"0.0160000000"', '"0.0170000000"')
				: line;
		const text = await digestDatabaseOffer(offer(300_000, mysqlDearer), rds, {});
		expect(() => readDatabaseDigest(text, rds)).toThrow(
			/2 on-demand prices match InstanceUsage:db.t4g.micro/,
		);
		// With the sheet's own match (the engine), the same file reads cleanly.
		expect((await check(rds, offer(300_000, mysqlDearer))).differences).toEqual([]);
	});

	it("refuses a digest that holds none of the sheet's prices (another sheet's) rather than finding nothing to differ", async () => {
		const [url] = watchedUrls(rds, GITHUB_API);
		const auroraDigest = await streamedDigest(aurora, url!)!(offer());
		expect(() => compareSheet(rds, new Map([[url!, auroraDigest]]), GITHUB_API, catalog.today)).toThrow(
			/the upstream lists none of the 11 items this sheet has/,
		);
	});

	it('treats a digest that is not one as a failed read, never as no prices', () => {
		expect(() => readDatabaseDigest('{"bands":', rds)).toThrow(UpstreamShapeError);
		expect(() => readDatabaseDigest('{"bands":{}}', rds)).toThrow(UpstreamShapeError);
	});

	it('prices nothing for database hosts AWS does not sell', () => {
		expect(databaseMeters(sheet('database-neon'))).toEqual([]);
	});
});
