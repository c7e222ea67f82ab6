import { describe, expect, it } from 'vitest';
import type { DowntimeInput } from '~/lib/calculators/downtime/compute';
import { DOWNTIME_FIELDS } from '~/lib/calculators/downtime/fields';
import { checkField, defaultsOf, readFields, toQueryString, type Field } from '~/lib/calculators/fields';

const defaults = defaultsOf<DowntimeInput>(DOWNTIME_FIELDS);
const fromQuery = (query: string, fields: readonly Field[] = DOWNTIME_FIELDS) => {
	const params = new URLSearchParams(query);
	return readFields<DowntimeInput>(fields, (name) => params.get(name));
};

describe('readFields', () => {
	it('uses the defaults when the URL has no inputs', () => {
		expect(fromQuery('')).toEqual({ values: defaults, errors: {}, fromUrl: false });
	});

	it('reads a shared link back into the same inputs', () => {
		const shared = { ...defaults, revenuePerHour: 12_500, sla: '0.9999' };
		expect(fromQuery(toQueryString(shared))).toEqual({ values: shared, errors: {}, fromUrl: true });
	});

	it('names an invalid field and falls back to its default for the result', () => {
		const state = fromQuery('revenuePerHour=-5&sla=0.5&revenueAffectedPct=150');
		expect(state.errors).toEqual({
			revenuePerHour: 'must not be negative',
			revenueAffectedPct: 'must be at most 100',
			sla: 'must be one of 99%, 99.9%, 99.95%, 99.99%',
		});
		expect(state.values).toEqual(defaults);
	});

	it('reads an unchecked toggle as off once a form was submitted, and as its default otherwise', () => {
		const fields: Field[] = [
			{ kind: 'number', name: 'n', label: 'N', unit: '', hint: '', default: 1 },
			{ kind: 'toggle', name: 't', label: 'T', hint: '', default: true },
		];
		expect(fromQuery('', fields).values).toEqual({ n: 1, t: true });
		expect(fromQuery('n=2', fields).values).toEqual({ n: 2, t: false });
		expect(fromQuery('n=2&t=on', fields).values).toEqual({ n: 2, t: true });
	});
});

describe('checkField', () => {
	const memory: Field = {
		kind: 'number',
		name: 'm',
		label: 'M',
		unit: 'MB',
		hint: '',
		default: 128,
		min: 128,
		max: 10240,
		integer: true,
	};
	it.each([
		['', 'enter a number'],
		['abc', 'must be a number'],
		['100', 'must be at least 128'],
		['20000', 'must be at most 10,240'],
		['256.5', 'must be a whole number'],
		['256', undefined],
	])('%s → %s', (raw, message) => {
		expect(checkField(memory, raw)).toBe(message);
	});
});
