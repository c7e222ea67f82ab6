import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '~/lib/admin/spreadsheet-safe';

describe('spreadsheetSafe', () => {
	it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x'])(
		'keeps %j from running as a formula',
		(cell) => {
			expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
		},
	);

	it('leaves ordinary text alone', () => {
		expect(spreadsheetSafe('Ada Lovelace')).toBe('Ada Lovelace');
		expect(spreadsheetSafe('inq_123')).toBe('inq_123');
		expect(spreadsheetSafe('')).toBe('');
	});
});
