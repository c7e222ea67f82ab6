import { describe, expect, it } from 'vitest';
import { byNewest, isPublished, previewLabel } from '~/lib/content/publishing';

const now = new Date('2026-11-20T12:00:00Z');
const published = { draft: false, publishDate: new Date('2026-11-01') };
const draft = { draft: true, publishDate: new Date('2026-11-01') };
const scheduled = { draft: false, publishDate: new Date('2026-12-01') };

describe('isPublished', () => {
	it('shows published guides in production builds', () => {
		expect(isPublished(published, { now, preview: false })).toBe(true);
	});

	it('hides drafts and scheduled guides from production builds', () => {
		expect(isPublished(draft, { now, preview: false })).toBe(false);
		expect(isPublished(scheduled, { now, preview: false })).toBe(false);
	});

	it('shows everything in development, so editors can preview', () => {
		expect(isPublished(draft, { now, preview: true })).toBe(true);
		expect(isPublished(scheduled, { now, preview: true })).toBe(true);
	});

	it('publishes a guide on its publish date', () => {
		expect(isPublished({ draft: false, publishDate: now }, { now, preview: false })).toBe(true);
	});
});

describe('previewLabel', () => {
	it('labels drafts and scheduled guides, and nothing else', () => {
		expect([draft, scheduled, published].map((guide) => previewLabel(guide, now))).toEqual([
			'Draft',
			'Scheduled',
			null,
		]);
	});
});

describe('byNewest', () => {
	it('orders by publish date, newest first, then by title', () => {
		const guides = [
			{ title: 'B', publishDate: new Date('2026-01-01') },
			{ title: 'C', publishDate: new Date('2026-03-01') },
			{ title: 'A', publishDate: new Date('2026-01-01') },
		];
		expect(guides.sort(byNewest).map((guide) => guide.title)).toEqual(['C', 'A', 'B']);
	});
});
