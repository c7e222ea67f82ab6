import { describe, expect, it } from 'vitest';
import { bodyFormat, isJsonObject } from '~/lib/http/body-format';

describe('bodyFormat', () => {
	it.each([
		['application/json', 'json'],
		['application/json; charset=utf-8', 'json'],
		['Application/JSON', 'json'],
		['application/x-www-form-urlencoded', 'form'],
		['text/plain', undefined],
		['', undefined],
		[null, undefined],
	] as const)('%s → %s', (contentType, format) => {
		expect(bodyFormat(contentType)).toBe(format);
	});
});

describe('isJsonObject', () => {
	it('accepts an object and refuses null, lists and plain values', () => {
		expect(isJsonObject({ name: 'Ada' })).toBe(true);
		for (const value of [null, [], [1], 'text', 3, true]) expect(isJsonObject(value)).toBe(false);
	});
});
