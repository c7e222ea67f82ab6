import { describe, expect, it } from 'vitest';
import { formToInquiry, isSafeIdempotencyKey } from '~/lib/inquiries/request-body';

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

describe('isSafeIdempotencyKey', () => {
	it('accepts the documented shape and nothing else', () => {
		expect(isSafeIdempotencyKey('form_3f2a9c1d')).toBe(true);
		expect(isSafeIdempotencyKey('acme:lead-0001.v2')).toBe(true);
		expect(isSafeIdempotencyKey('short')).toBe(false);
		expect(isSafeIdempotencyKey('x'.repeat(101))).toBe(false);
		expect(isSafeIdempotencyKey('has space here')).toBe(false);
		expect(isSafeIdempotencyKey('ada@example.com')).toBe(false);
	});
});
