import { describe, expect, it } from 'vitest';
import { lookupSheetValue, usdText } from '~/lib/pricing/sheet-lookup';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog('2026-11-30');

describe('lookupSheetValue', () => {
	it('reads a band price, a plan fee, an included amount and a model price off the sheets', () => {
		expect(lookupSheetValue(catalog, { product: 'aws-s3', meter: 'egress', band: 1 })).toMatchObject({
			text: '$0.09',
			per: 'per GB',
			source: 'https://aws.amazon.com/s3/pricing/',
			asOf: '2026-11-30',
		});
		expect(lookupSheetValue(catalog, { product: 'cloudflare-workers', fee: true }).text).toBe('$5');
		expect(
			lookupSheetValue(catalog, { product: 'cloudflare-d1', meter: 'rows-read', show: 'included' }).text,
		).toBe('25 billion rows');
		expect(lookupSheetValue(catalog, { model: 'claude-sonnet-5-5', token: 'output' }).text).toBe('$10');
	});

	it('quotes a model at the price in force on the day: Gemini 4 Argon doubles on 2026-12-01', () => {
		const ref = { model: 'gemini-4-argon', token: 'input' } as const;
		expect(lookupSheetValue(catalog, ref).value).toBe(2);
		expect(lookupSheetValue(loadPriceCatalog('2026-12-01'), ref).value).toBe(4);
	});

	it('names the valid choices when a reference is wrong', () => {
		expect(() => lookupSheetValue(catalog, { product: 'aws-s4', meter: 'egress' })).toThrow(
			/Use one of: .*aws-s3/,
		);
		expect(() => lookupSheetValue(catalog, { product: 'aws-s3', meter: 'egres' })).toThrow(
			/Use one of: storage/,
		);
		expect(() => lookupSheetValue(catalog, { product: 'aws-s3', meter: 'egress', band: 9 })).toThrow(
			/bands 1 to 4/,
		);
	});
});

describe('usdText', () => {
	it('writes prices as price lists do', () => {
		expect(usdText(5)).toBe('$5');
		expect(usdText(0.3)).toBe('$0.30');
		expect(usdText(0.0000166667)).toBe('$0.0000166667');
	});
});
