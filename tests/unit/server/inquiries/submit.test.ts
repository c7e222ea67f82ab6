import { describe, expect, it } from 'vitest';
import { formSubmission, jsonSubmission } from '~/server/inquiries/submit';

describe('JSON and form submissions', () => {
	it('take the spam-check fields out of a JSON inquiry under the form names', () => {
		const submission = jsonSubmission(
			{ name: 'Ada', formToken: 't.sig', website: '', 'cf-turnstile-response': 'ts' },
			'203.0.113.5',
		);
		expect(submission).toEqual({
			raw: { name: 'Ada' },
			honeypot: '',
			formToken: 't.sig',
			turnstileToken: 'ts',
			idempotencyKey: null,
			clientIp: '203.0.113.5',
		});
	});

	it('counts a honeypot that is not text as filled, and a missing token as missing', () => {
		const submission = jsonSubmission({ name: 'Ada', website: 42, formToken: 7 }, null);
		expect(submission.honeypot).not.toBe('');
		expect(submission.formToken).toBeNull();
	});

	it('reads the same fields from a form post', () => {
		const form = new URLSearchParams({
			name: 'Ada',
			website: 'x',
			formToken: 't.sig',
			idempotencyKey: 'key-12345',
		});
		expect(formSubmission(form, null)).toMatchObject({
			honeypot: 'x',
			formToken: 't.sig',
			turnstileToken: null,
			idempotencyKey: 'key-12345',
		});
	});
});
