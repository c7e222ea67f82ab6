import { describe, expect, it } from 'vitest';
import { formToInquiry } from '~/lib/inquiries/request-body';

describe('formToInquiry', () => {
	it('reads the fields, drops an empty company and turns the checkbox into a boolean', () => {
		const form = new URLSearchParams({
			name: 'Ada',
			email: 'a@b.co',
			company: ' ',
			consent: 'on',
			idempotencyKey: 'k',
			website: 'spam',
		});
		expect(formToInquiry(form)).toEqual({ name: 'Ada', email: 'a@b.co', consent: true });
	});

	it('reads a missing checkbox as no consent', () => {
		expect(formToInquiry(new URLSearchParams({ name: 'Ada' })).consent).toBe(false);
	});
});
