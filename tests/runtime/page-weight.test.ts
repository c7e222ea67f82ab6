import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build';
import { measurePages } from '../support/page-weight';
import { countWords } from '../../src/lib/content/reading-time';

// Pages allowed to ship JavaScript, each with its reason.
const PAGES_WITH_SCRIPTS: readonly string[] = [
	'/search', // runs Pagefind in the browser
	'/tools', // the stack estimate's tray, on every tool page
];

// Guides grow with their prose and diagrams, so they get a budget per 1,000 words of body: 10%
// over the median of the twelve guides on 2026-11-30 (12,000 B per 1,000 words, measured with
// measurePages at commit fb0b387, before the guides gained depth).
const GUIDE_BYTES_PER_1000_WORDS = 13_200;

/** Words of prose in a guide's body, or undefined for a page that is not a guide. */
function guideWords(page: string): number | undefined {
	const file = join(ROOT, 'content/guides', `${page.replace(/^\/guides\//, '')}.mdx`);
	if (!/^\/guides\/[a-z0-9-]+$/.test(page) || !existsSync(file)) return undefined;
	return countWords(readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---/, ''));
}

describe('built pages', () => {
	const pages = measurePages(join(ROOT, 'dist/client'));

	it('include the home, about and error pages', () => {
		expect(pages.map((page) => page.page)).toEqual(expect.arrayContaining(['/', '/about', '/404', '/500']));
	});

	it('ship 0 bytes of JavaScript on every content page', () => {
		const shipping = pages
			.filter((page) => !PAGES_WITH_SCRIPTS.includes(page.page) && page.js.raw > 0)
			.map((page) => `${page.page}: ${page.js.raw} bytes`);
		expect(shipping).toEqual([]);
	});

	it('keep each page under 15 KB of gzipped HTML and CSS, and each guide within its budget per 1,000 words', () => {
		const guides = pages.filter((page) => guideWords(page.page) !== undefined);
		expect(guides.length).toBeGreaterThanOrEqual(16);
		for (const page of pages) {
			// Inline styles are part of the HTML; counting them again as CSS would count them twice.
			const bytes = page.html.gzip + page.linkedCss.gzip;
			const words = guideWords(page.page);
			if (words === undefined) expect(bytes, page.page).toBeLessThan(15 * 1024);
			else
				expect(Math.round((bytes / words) * 1000), page.page).toBeLessThanOrEqual(GUIDE_BYTES_PER_1000_WORDS);
		}
	});
});

describe('the built Worker', () => {
	it('carries every guide in its content store, but none of their text (prerendered pages have it)', () => {
		const chunks = join(ROOT, 'dist/server/chunks');
		const worker = readdirSync(chunks)
			.filter((name) => name.endsWith('.mjs'))
			.map((name) => readFileSync(join(chunks, name), 'utf8'))
			.join('\n');
		const guides = readdirSync(join(ROOT, 'content/guides')).filter((name) => /^[^_].*\.mdx$/.test(name));
		expect(guides.length).toBeGreaterThan(0);
		for (const name of guides) {
			const body = readFileSync(join(ROOT, 'content/guides', name), 'utf8').replace(
				/^---\n[\s\S]*?\n---/,
				'',
			);
			// The longest run of plain words: it reads the same however the store escapes it.
			const sentence = (body.match(/[A-Za-z][A-Za-z ,]{60,}/g) ?? []).sort((a, b) => b.length - a.length)[0];
			expect(sentence, name).toBeDefined();
			expect(worker.includes(`content/guides/${name}`), name).toBe(true);
			expect(worker.includes(sentence ?? ''), `${name}: "${sentence}"`).toBe(false);
		}
	});
});
