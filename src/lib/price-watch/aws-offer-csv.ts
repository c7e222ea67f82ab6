// Reads an AWS Price List offer file in its CSV form as it streams, keeping only the on-demand
// rows the watch asks for. The JSON form of a large service (AmazonRDS for us-east-1 is tens of
// megabytes) cannot be parsed whole within a Worker's memory; its CSV can be read a row at a time.
import { UpstreamShapeError } from './model-datasets.ts';

/**
 * Splits CSV text arriving in chunks into rows (RFC 4180: quoted fields may hold commas, quotes
 * doubled, and line breaks). Only the row being read is held.
 */
export async function* csvRows(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let quoteSeen = false; // a quote inside a quoted field: the end of it, or the first of a pair
	// Plain text is taken a run at a time, up to the next character that means something.
	const special = /[,\n"]/g;
	for await (const chunk of chunks) {
		let at = 0;
		while (at < chunk.length) {
			if (quoted) {
				if (quoteSeen) {
					quoteSeen = false;
					if (chunk[at] === '"') {
						field += '"';
						at++;
						continue;
					}
					quoted = false; // the quote closed the field; read this character as unquoted
				} else {
					const quote = chunk.indexOf('"', at);
					field += chunk.slice(at, quote === -1 ? chunk.length : quote);
					if (quote === -1) break;
					quoteSeen = true;
					at = quote + 1;
					continue;
				}
			}
			const char = chunk[at];
			if (char === '"' && field === '') quoted = true;
			else if (char === ',') {
				row.push(field);
				field = '';
			} else if (char === '\n') {
				row.push(field.endsWith('\r') ? field.slice(0, -1) : field);
				yield row;
				row = [];
				field = '';
			} else {
				// Up to the next comma, line break or quote (a quote inside a bare field is plain text).
				special.lastIndex = at + 1;
				const next = special.exec(chunk)?.index ?? chunk.length;
				field += chunk.slice(at, next);
				at = next;
				continue;
			}
			at++;
		}
	}
	if (quoted && !quoteSeen)
		throw new UpstreamShapeError('AWS offer file (CSV): cut short inside a quoted field');
	if (field !== '' || row.length > 0) yield [...row, field];
}

/** One price band of an on-demand SKU, in the file's units. */
export interface CsvBand {
	begin: number;
	end: number | null;
	usd: number;
}

/**
 * Which rows to keep: each of `attributes` must match, and each of `appliesTo` must match or be
 * unstated ('' or 'Any', as on a storage row that serves every engine). Names compare without
 * case or spaces, so the JSON form's `databaseEngine` finds the CSV's "Database Engine" column.
 */
export type CsvSelector = {
	key: string;
	attributes: Record<string, string>;
	appliesTo?: Record<string, string>;
};

const UNSTATED = new Set(['', 'Any']);
const columnKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The on-demand bands of the rows each selector picks, and the file's publication date.
 * @throws UpstreamShapeError when the text is not an offer file in CSV, ends before its header,
 * or a price is not a number.
 */
export async function readAwsOfferCsv(
	chunks: AsyncIterable<string>,
	selectors: readonly CsvSelector[],
): Promise<{ publishedAt: Date; bands: Map<string, CsvBand[]>; rowsRead: number }> {
	const meta = new Map<string, string>();
	let columns: Map<string, number> | null = null;
	let width = 0;
	const bands = new Map<string, CsvBand[]>(selectors.map((selector) => [selector.key, []]));
	let rowsRead = 0;
	let wanted: { key: string; checks: [number, string][]; lenient: [number, string][] }[] = [];
	const column = (name: string) => {
		const index = columns?.get(columnKey(name));
		if (index === undefined) throw new UpstreamShapeError(`AWS offer file (CSV): no ${name} column`);
		return index;
	};

	for await (const row of csvRows(chunks)) {
		if (!columns) {
			// The metadata rows ("FormatVersion", "Publication Date", ...) come first, then the header.
			if (row[0] === 'SKU') {
				columns = new Map(row.map((name, index) => [columnKey(name), index]));
				width = row.length;
				wanted = selectors.map((selector) => ({
					key: selector.key,
					checks: Object.entries(selector.attributes).map(([name, value]) => [column(name), value]),
					lenient: Object.entries(selector.appliesTo ?? {}).map(([name, value]) => [column(name), value]),
				}));
			} else if (row.length === 2) meta.set(row[0]!, row[1]!);
			else throw new UpstreamShapeError('AWS offer file (CSV): not an offer file');
			continue;
		}
		rowsRead++;
		// Every row has every column; a short one is a file cut off mid-row.
		if (row.length !== width)
			throw new UpstreamShapeError(
				`AWS offer file (CSV): row ${rowsRead} has ${row.length} of ${width} columns (cut short?)`,
			);
		if (row[column('TermType')] !== 'OnDemand') continue;
		for (const selector of wanted) {
			if (!selector.checks.every(([index, value]) => row[index] === value)) continue;
			if (!selector.lenient.every(([index, value]) => row[index] === value || UNSTATED.has(row[index]!)))
				continue;
			const usd = Number(row[column('PricePerUnit')]);
			const begin = Number(row[column('StartingRange')] || 0);
			const endText = row[column('EndingRange')];
			const end = !endText || endText === 'Inf' ? null : Number(endText);
			if (!Number.isFinite(usd) || !Number.isFinite(begin) || (end !== null && !Number.isFinite(end)))
				throw new UpstreamShapeError(`AWS offer file (CSV): a price of ${selector.key} is not a number`);
			bands.get(selector.key)!.push({ begin, end, usd });
		}
	}
	const published = meta.get('Publication Date');
	if (!columns || !published || Number.isNaN(Date.parse(published)))
		throw new UpstreamShapeError('AWS offer file (CSV): ended before its header and publication date');
	for (const list of bands.values()) list.sort((a, b) => a.begin - b.begin);
	return { publishedAt: new Date(published), bands, rowsRead };
}
