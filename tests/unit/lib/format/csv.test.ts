import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '~/lib/admin/spreadsheet-safe';
import { rowsToCsv } from '~/lib/format/csv';

describe('rowsToCsv', () => {
	it('quotes a cell with a comma, a quote, CR, LF or a tab, and ends rows with CRLF', () => {
		expect(rowsToCsv([['plain', 'a,b', 'say "hi"', 'one\rtwo', 'one\ntwo', 'a\tb']])).toBe(
			'plain,"a,b","say ""hi""","one\rtwo","one\ntwo","a\tb"\r\n',
		);
	});

	it('keeps a CR followed by a formula inside its quoted cell, so it cannot start a forged row', () => {
		const attack = 'Please call me back\r=IMAGE(CHAR(104)&D3)';
		const csv = rowsToCsv([['inq_1', spreadsheetSafe(attack)]]);
		expect(csv).toBe(`inq_1,"${attack}"\r\n`);
		expect(csv.split('\r\n')[0]).toContain('"Please call me back\r=IMAGE');
	});

	it('neutralises a cell that starts like a formula', () => {
		expect(rowsToCsv([[spreadsheetSafe('=1+1'), spreadsheetSafe('\t=cmd')]])).toBe('\'=1+1,"\'\t=cmd"\r\n');
	});
});
