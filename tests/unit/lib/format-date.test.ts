import { describe, expect, it } from 'vitest';
import { formatDate, toIsoDate } from '~/lib/format/date';

describe('formatDate', () => {
	it('writes dates the way readers expect, in UTC', () => {
		expect(formatDate(new Date('2026-03-01T23:30:00Z'))).toBe('1 March 2026');
	});
});

describe('toIsoDate', () => {
	it('gives the YYYY-MM-DD form for <time datetime>', () => {
		expect(toIsoDate(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01');
	});
});
