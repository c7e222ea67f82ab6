import { describe, expect, it } from 'vitest';
import { formTokenAge, issueFormToken } from '~/lib/inquiries/form-token';

describe('form tokens', () => {
	it('report how long ago they were issued', async () => {
		const token = await issueFormToken('secret', 1_000);
		expect(await formTokenAge(token, 'secret', 1_045)).toBe(45);
	});

	it('reject a token signed with another secret', async () => {
		const token = await issueFormToken('other', 1_000);
		expect(await formTokenAge(token, 'secret', 1_010)).toBeNull();
	});

	it('reject a missing, mangled or day-old token', async () => {
		const token = await issueFormToken('secret', 1_000);
		expect(await formTokenAge(null, 'secret', 1_010)).toBeNull();
		expect(await formTokenAge(`${token}x`, 'secret', 1_010)).toBeNull();
		expect(await formTokenAge(token, 'secret', 1_000 + 2 * 24 * 60 * 60)).toBeNull();
	});
});
