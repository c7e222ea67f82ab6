import { describe, expect, it } from 'vitest';
import { withoutBodies } from '../../../src/integrations/guide-bundling';

// A content store in devalue's flattened form, as Astro writes it: every value is given by its
// index in the list. Collections "guides" (one entry) and "notes" (one entry).
const store = (guideBody: number) => [
	['Map', 1, 2, 8, 9],
	'guides',
	['Map', 3, 4],
	'a',
	{ id: 3, data: 5, body: guideBody, filePath: 7 },
	{ title: 3 },
	'The whole article, which the Worker never reads.',
	'content/guides/a.mdx',
	'notes',
	['Map', 10, 11],
	'n',
	{ id: 10, body: 12 },
	'A note body.',
];

describe('withoutBodies', () => {
	it('takes the body out of every entry of the collection, and its text out of the store', () => {
		const trimmed = withoutBodies(store(6), 'guides');
		expect(trimmed[4]).toEqual({ id: 3, data: 5, filePath: 7 });
		expect(trimmed[6]).toBe('');
		// Other collections, and everything else of the entry, are as they were.
		expect(trimmed[11]).toEqual({ id: 10, body: 12 });
		expect(trimmed[12]).toBe('A note body.');
		expect(trimmed.filter((_, index) => index !== 4 && index !== 6)).toEqual(
			store(6).filter((_, index) => index !== 4 && index !== 6),
		);
	});

	it('keeps a text another value still refers to (equal strings are stored once)', () => {
		const trimmed = withoutBodies(store(12), 'guides');
		expect(trimmed[4]).toEqual({ id: 3, data: 5, filePath: 7 });
		expect(trimmed[12]).toBe('A note body.');
	});

	it('leaves a store without that collection, or of another shape, unchanged', () => {
		expect(withoutBodies(store(6), 'pricing')).toEqual(store(6));
		expect(withoutBodies([{}], 'guides')).toEqual([{}]);
		expect(withoutBodies([], 'guides')).toEqual([]);
	});
});
