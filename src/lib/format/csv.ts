// A cell holding a comma, a quote or a line break (CR or LF) is quoted (RFC 4180).
const csvCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * Rows as CSV with RFC 4180 quoting and CRLF line ends.
 * @example rowsToCsv([['a', 'b,c']]) // => 'a,"b,c"\r\n'
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
