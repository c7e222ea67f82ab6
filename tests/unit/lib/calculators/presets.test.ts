import { describe, expect, it } from 'vitest';
import type { HostingInput } from '~/lib/calculators/hosting/compute';
import { HOSTING_FIELDS, HOSTING_PRESETS } from '~/lib/calculators/hosting/fields';
import { valuesForPreset } from '~/lib/calculators/presets';

describe('valuesForPreset', () => {
	it('starts from the defaults and applies the preset', () => {
		const values = valuesForPreset<HostingInput>(HOSTING_FIELDS, HOSTING_PRESETS, 'small-api');
		expect(values.requests).toBe(3_000_000);
		expect(values.delivery).toBe('direct');
	});

	it('names the known presets when a guide asks for one that does not exist', () => {
		expect(() => valuesForPreset(HOSTING_FIELDS, HOSTING_PRESETS, 'small-apu')).toThrow(
			'Unknown preset "small-apu". Use one of: small-api, content-site, busy-saas',
		);
	});
});
