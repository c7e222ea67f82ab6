import { describe, expect, it } from 'vitest';
import { DowntimeInputSchema, type DowntimeInput } from '~/lib/calculators/downtime';
import { readFormInput, toQueryString } from '~/lib/calculators/form-input';

const defaults: DowntimeInput = {
	revenuePerHour: 2000,
	revenueAffectedPct: 60,
	idleStaffCostPerHour: 500,
	recoveryCostPerHour: 300,
	sla: '0.999',
};

describe('readFormInput', () => {
	it('uses the defaults when the URL has no inputs', () => {
		expect(readFormInput(DowntimeInputSchema, new URLSearchParams(), defaults)).toEqual({
			values: defaults,
			errors: {},
			fromUrl: false,
		});
	});

	it('reads a shared link back into the same inputs', () => {
		const shared = { ...defaults, revenuePerHour: 12_500, sla: '0.9999' as const };
		const state = readFormInput(DowntimeInputSchema, new URLSearchParams(toQueryString(shared)), defaults);
		expect(state).toEqual({ values: shared, errors: {}, fromUrl: true });
	});

	it('names an invalid field and falls back to its default for the result', () => {
		const state = readFormInput(
			DowntimeInputSchema,
			new URLSearchParams('revenuePerHour=-5&sla=0.5'),
			defaults,
		);
		expect(Object.keys(state.errors).sort()).toEqual(['revenuePerHour', 'sla']);
		expect(state.errors.revenuePerHour).toBe('must not be negative');
		expect(state.values).toEqual(defaults);
	});
});
