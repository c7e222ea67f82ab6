import { describe, expect, it } from 'vitest';
import { AuthorSchema, GuideFrontmatterSchema } from '~/lib/content/guide-schema';

const valid = {
	title: 'Async processing that never loses a job',
	description: 'When to move work onto a queue, and how to track it so nothing is lost, duplicated or stuck.',
	publishDate: '2026-09-15',
	reviewedAt: '2026-11-10',
	tags: ['async'],
	authors: ['loadbearing-team'],
	series: 'building-blocks',
	order: 3,
};

/** The messages zod gives for `frontmatter`, as "field: message". */
const problems = (frontmatter: Record<string, unknown>) => {
	const parsed = GuideFrontmatterSchema.safeParse(frontmatter);
	return parsed.success
		? []
		: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('GuideFrontmatterSchema', () => {
	it('accepts a complete guide and fills defaults', () => {
		const parsed = GuideFrontmatterSchema.parse(valid);
		expect(parsed.draft).toBe(false);
		expect(parsed.tools).toEqual([]);
		expect(parsed.publishDate).toEqual(new Date('2026-09-15'));
	});

	it('names a misspelt key instead of ignoring it', () => {
		expect(problems({ ...valid, decription: 'typo' })).toEqual([expect.stringContaining('decription')]);
	});

	it('refuses a tag outside the controlled list and lists the allowed ones', () => {
		expect(problems({ ...valid, tags: ['queues'] })).toEqual([
			expect.stringMatching(/^tags\.0: Unknown tag "queues"\. Use one of: .*async/),
		]);
	});

	it.each([
		['too short', 'Too short to be useful.', /description: Description is under 70 characters/],
		[
			'too long',
			'x'.repeat(161),
			/description: Description is over 160 characters: search engines cut it there/,
		],
	])('refuses a description that is %s', (_case, description, message) => {
		expect(problems({ ...valid, description })).toEqual([expect.stringMatching(message)]);
	});

	it('says what a bad date should look like', () => {
		expect(problems({ ...valid, publishDate: 'last Tuesday' })).toEqual([
			'publishDate: publishDate must be a date such as 2026-03-01',
		]);
	});

	it('catches an update dated before publication', () => {
		expect(problems({ ...valid, updatedDate: '2025-01-01' })).toEqual([
			'updatedDate: updatedDate is before publishDate: swap them or fix the year',
		]);
	});

	it('requires an order for guides in a series, and a series for guides with an order', () => {
		const { order: _order, ...noOrder } = valid;
		expect(problems(noOrder)).toEqual([
			'order: This guide is in a series, so it needs an order (1 for the first part)',
		]);
		const { series: _series, ...noSeries } = valid;
		expect(problems(noSeries)).toEqual([
			'series: order is set but series is not: name the series, or remove order',
		]);
	});

	it('refuses an unknown tool and a relative canonical URL', () => {
		expect(problems({ ...valid, tools: ['pricing-thing'], canonical: '/guides/x' })).toEqual([
			expect.stringMatching(/^tools\.0: Unknown tool "pricing-thing"/),
			'canonical: canonical must be a full URL such as https://example.com/original-post',
		]);
	});
});

describe('AuthorSchema', () => {
	it('is strict, so a misspelt key fails', () => {
		const result = AuthorSchema.safeParse({
			name: 'Jo Bloggs',
			role: 'Engineer',
			bio: 'x'.repeat(50),
			website: 'x',
		});
		expect(result.success).toBe(false);
	});
});
