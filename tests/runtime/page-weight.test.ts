import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build';
import { measurePages } from '../support/page-weight';

// Pages allowed to ship JavaScript, each with its reason.
const PAGES_WITH_SCRIPTS: readonly string[] = [
	'/search', // runs Pagefind in the browser
	'/tools', // the stack estimate's tray, on every tool page
];

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

	it('keep each page under 15 KB of gzipped HTML and CSS', () => {
		for (const page of pages) {
			expect(page.html.gzip + page.css.gzip, page.page).toBeLessThan(15 * 1024);
		}
	});
});
