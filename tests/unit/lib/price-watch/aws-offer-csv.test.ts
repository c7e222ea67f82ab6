import { describe, expect, it } from 'vitest';
import { csvRows, readAwsOfferCsv } from '~/lib/price-watch/aws-offer-csv';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';

/** Text as a stream of chunks of `size` characters, so fields and quotes straddle chunk edges. */
async function* chunked(text: string, size: number) {
	for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}
const rowsOf = async (text: string, size = 3) => {
	const rows: string[][] = [];
	for await (const row of csvRows(chunked(text, size))) rows.push(row);
	return rows;
};

const HEADER =
	'"SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","usageType","Database Engine"';
const offer = (rows: string[]) =>
	[
		'"FormatVersion","v1.0"',
		'"Disclaimer","This pricing list is for informational purposes only."',
		'"Publication Date","2026-11-20T10:00:00Z"',
		'"Version","20261120100000"',
		'"OfferCode","AmazonRDS"',
		HEADER,
		...rows,
	].join('\n') + '\n';
const row = (usageType: string, engine: string, usd: string, term = 'OnDemand', begin = '0', end = 'Inf') =>
	`"SKU1","JRTCKXETXF","SKU1.JRTCKXETXF.6YS6EN2CT7","${term}","$${usd} per hour, ""quoted"", with commas","2026-11-01","${begin}","${end}","Hrs","${usd}","USD","${usageType}","${engine}"`;

describe('csvRows', () => {
	it('reads quoted commas, doubled quotes and line breaks across chunk edges', async () => {
		expect(await rowsOf('a,"b, c","say ""hi""","two\nlines"\r\nd,,e\n', 2)).toEqual([
			['a', 'b, c', 'say "hi"', 'two\nlines'],
			['d', '', 'e'],
		]);
	});

	it('refuses text cut off inside a quoted field', async () => {
		await expect(rowsOf('a,"b, c')).rejects.toThrow(UpstreamShapeError);
	});
});

describe('readAwsOfferCsv', () => {
	const selectors = [
		{ key: 'micro', attributes: { usagetype: 'InstanceUsage:db.t4g.micro', databaseEngine: 'PostgreSQL' } },
		{ key: 'gone', attributes: { usagetype: 'InstanceUsage:db.x1.huge', databaseEngine: 'PostgreSQL' } },
	];

	it('keeps the on-demand rows each selector picks, with the publication date', async () => {
		const text = offer([
			row('InstanceUsage:db.t4g.micro', 'MySQL', '0.016'),
			row('InstanceUsage:db.t4g.micro', 'PostgreSQL', '0.0160000000'),
			row('InstanceUsage:db.t4g.micro', 'PostgreSQL', '0.0100000000', 'Reserved'),
		]);
		const read = await readAwsOfferCsv(chunked(text, 64), selectors);
		expect(read.publishedAt).toEqual(new Date('2026-11-20T10:00:00Z'));
		expect(read.bands.get('micro')).toEqual([{ begin: 0, end: null, usd: 0.016 }]);
		expect(read.bands.get('gone')).toEqual([]);
		expect(read.rowsRead).toBe(3);
	});

	it('takes a row that does not say which engine it serves as serving ours, when asked to', async () => {
		const text = offer([
			row('RDS:GP3-Storage', '', '0.115'),
			row('RDS:GP3-Storage', 'SQL Server', '0.2'),
			row('Aurora:StorageUsage', 'Any', '0.1'),
		]);
		const storage = (key: string, usagetype: string) => ({
			key,
			attributes: { usagetype },
			appliesTo: { databaseEngine: 'PostgreSQL' },
		});
		const read = await readAwsOfferCsv(chunked(text, 64), [
			storage('gp3', 'RDS:GP3-Storage'),
			storage('aurora', 'Aurora:StorageUsage'),
		]);
		expect(read.bands.get('gp3')).toEqual([{ begin: 0, end: null, usd: 0.115 }]);
		expect(read.bands.get('aurora')).toEqual([{ begin: 0, end: null, usd: 0.1 }]);
	});

	it('reads a large file a row at a time', async () => {
		async function* large() {
			yield offer([]);
			for (let index = 0; index < 20_000; index++)
				yield `${row(`InstanceUsage:db.r${index}`, 'PostgreSQL', '1.5')}\n`;
			yield `${row('InstanceUsage:db.t4g.micro', 'PostgreSQL', '0.016')}\n`;
		}
		const read = await readAwsOfferCsv(large(), selectors);
		expect(read.rowsRead).toBe(20_001);
		expect(read.bands.get('micro')).toHaveLength(1);
	});

	it('refuses a file cut off mid-row, or one that is not an offer file, rather than finding no prices', async () => {
		const text = offer([row('InstanceUsage:db.t4g.micro', 'PostgreSQL', '0.016')]);
		await expect(readAwsOfferCsv(chunked(text.slice(0, -40), 64), selectors)).rejects.toThrow(/cut short/);
		await expect(readAwsOfferCsv(chunked('<html>Access denied</html>\n', 64), selectors)).rejects.toThrow(
			/not an offer file/,
		);
		await expect(readAwsOfferCsv(chunked(offer([]).split('"SKU"')[0]!, 64), selectors)).rejects.toThrow(
			/ended before its header/,
		);
	});
});
