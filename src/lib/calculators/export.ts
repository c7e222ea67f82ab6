import { rowsToCsv } from '../format/csv.ts';
import type { LineItem } from '../pricing/line-item.ts';

/** A calculator result as a document: what CSV export and copy-as-Markdown are made from. */
export interface ResultDocument {
	title: string;
	/** Inputs and headline figures, one sentence each. */
	summary: string[];
	table: { headers: string[]; rows: string[][] };
	/** Where prices came from, e.g. "Workers prices as of 2026-11-21: https://…". */
	sources: string[];
	/** Link back to the calculator with the same inputs. */
	url: string;
}

/**
 * The document's table as CSV (RFC 4180 quoting, CRLF line ends); summary and sources stay in
 * the Markdown, so a spreadsheet opens the table as it is.
 * @example documentToCsv({ title: 't', summary: [], table: { headers: ['a'], rows: [['1,5']] }, sources: [], url: 'u' }) // => 'a\r\n"1,5"\r\n'
 */
export function documentToCsv(document: ResultDocument): string {
	return rowsToCsv([document.table.headers, ...document.table.rows]);
}

const mdCell = (cell: string) => cell.replace(/\|/g, '\\|');

/** The document as Markdown: title, summary, table, sources and a link back. */
export function documentToMarkdown(document: ResultDocument): string {
	const { headers, rows } = document.table;
	return [
		`## ${document.title}`,
		'',
		...document.summary.map((line) => `- ${line}`),
		'',
		`| ${headers.map(mdCell).join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
		'',
		...document.sources.map((source) => `Source: ${source}`),
		`Calculator: ${document.url}`,
		'',
	].join('\n');
}

/** The cells every calculator's line-item table exports: item, quantity, unit, unit price, USD. */
export const LINE_ITEM_HEADERS = ['Item', 'Quantity', 'Unit', 'Unit price (USD)', 'USD'];
export const lineItemCells = (item: LineItem): string[] => [
	item.label,
	String(item.quantity),
	item.unit,
	String(item.unitPriceUsd),
	item.usd.toFixed(2),
];
