/** A calculator result as a document: what CSV export and copy-as-Markdown are made from. */
export interface Report {
	title: string;
	/** Inputs and headline figures, one sentence each. */
	summary: string[];
	table: { headers: string[]; rows: string[][] };
	/** Where prices came from, e.g. "Workers prices as of 2026-11-21: https://…". */
	sources: string[];
	/** Link back to the calculator with the same inputs. */
	url: string;
}

const csvCell = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The report's table as CSV (RFC 4180 quoting), with the summary and sources as leading comment-free rows.
 * @example reportToCsv({ title: 't', summary: [], table: { headers: ['a'], rows: [['1,5']] }, sources: [], url: 'u' }) // => 'a\r\n"1,5"\r\n'
 */
export function reportToCsv(report: Report): string {
	return rowsToCsv([report.table.headers, ...report.table.rows]);
}

/**
 * Rows as CSV with RFC 4180 quoting and CRLF line ends.
 * @example rowsToCsv([['a', 'b,c']]) // => 'a,"b,c"\r\n'
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const mdCell = (cell: string) => cell.replace(/\|/g, '\\|');

/** The report as Markdown: title, summary, table, sources and a link back. */
export function reportToMarkdown(report: Report): string {
	const { headers, rows } = report.table;
	return [
		`## ${report.title}`,
		'',
		...report.summary.map((line) => `- ${line}`),
		'',
		`| ${headers.map(mdCell).join(' | ')} |`,
		`| ${headers.map(() => '---').join(' | ')} |`,
		...rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`),
		'',
		...report.sources.map((source) => `Source: ${source}`),
		`Calculator: ${report.url}`,
		'',
	].join('\n');
}
