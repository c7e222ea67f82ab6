import { describe, expect, it } from 'vitest';
import { inquiryErrors, InquiryInputSchema } from '~/lib/inquiries/schema';

const valid = {
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: 'We need our CRM sync to stop creating duplicate contacts.',
	consent: true,
};

describe('InquiryInputSchema', () => {
	it('accepts a complete inquiry, trimming text and allowing no company', () => {
		const parsed = InquiryInputSchema.parse({ ...valid, name: '  Ada Lovelace ' });
		expect(parsed.name).toBe('Ada Lovelace');
		expect(parsed.company).toBeUndefined();
	});
});

describe('inquiryErrors', () => {
	it('has nothing to say about a good inquiry', () => {
		expect(inquiryErrors(valid)).toEqual({});
	});

	it('names every bad field with a message a visitor understands', () => {
		expect(
			inquiryErrors({ ...valid, email: 'ada@', message: 'Too short', consent: false, budget: 'lots' }),
		).toEqual({
			email: 'Enter an email address like name@example.com.',
			message: 'Tell us a little more: at least 20 characters.',
			consent: 'Tick the box so we may use these details to reply.',
			budget: 'Choose a budget range from the list.',
		});
	});

	it('asks for missing fields by name', () => {
		const errors = inquiryErrors({});
		expect(errors.name).toBe('Enter your name.');
		expect(errors.email).toBe('Enter your email address.');
		expect(errors.projectType).toBe('Choose what kind of project it is from the list.');
	});

	it('refuses fields it does not know', () => {
		expect(inquiryErrors({ ...valid, website: 'x' })).toEqual({ form: 'Unexpected field "website".' });
	});
});
