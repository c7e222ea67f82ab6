// A cell holding a comma, a quote, a line break (CR or LF) or a tab is quoted (RFC 4180): a bare
// CR or tab is a row or cell break to some spreadsheets, which would let a cell forge a row.
const csvCell = (cell: string) => (/[",\r\n\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Rows as CSV with RFC 4180 quoting and CRLF line ends.
 * @example rowsToCsv([['a', 'b,c']]) // => 'a,"b,c"\r\n'
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
