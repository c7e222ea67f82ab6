/**
 * Makes a visitor-written cell safe to open in a spreadsheet: text starting with =, +, -, @, a
 * tab or a carriage return would run as a formula in Excel or Sheets (CSV injection), so it gets
 * a leading apostrophe, which spreadsheets show as plain text.
 * @example spreadsheetSafe('=HYPERLINK("http://x","y")') // => '\'=HYPERLINK("http://x","y")'
 * @example spreadsheetSafe('Ada') // => 'Ada'
 */
export function spreadsheetSafe(cell: string): string {
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
