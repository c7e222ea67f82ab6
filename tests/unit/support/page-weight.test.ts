import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measurePages, totalWeight } from '../../support/page-weight';

// The zero-JS guarantee rests on this analyzer, so prove it does see JavaScript when it is there.
const dir = mkdtempSync(join(tmpdir(), 'page-weight-'));
mkdirSync(join(dir, '_astro'));
mkdirSync(join(dir, 'tools'));
writeFileSync(join(dir, '_astro/site.css'), 'body{color:red}');
writeFileSync(join(dir, '_astro/island.js'), 'import{h}from"./preact.js";export default h;');
writeFileSync(join(dir, '_astro/preact.js'), 'export const h=1;');
writeFileSync(join(dir, '_astro/client.js'), 'export default 1;');
writeFileSync(
	join(dir, 'index.html'),
	'<html><link rel="stylesheet" href="/_astro/site.css"><style>p{}</style><p>hi</p></html>',
);
writeFileSync(
	join(dir, 'tools/calc.html'),
	'<html><script type="application/ld+json">{"@type":"TechArticle"}</script><script>self.Astro={}</script><astro-island component-url="/_astro/island.js" renderer-url="/_astro/client.js"></astro-island></html>',
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('measurePages', () => {
	const pages = measurePages(dir);

	it('names pages by their public path', () => {
		expect(pages.map((page) => page.page)).toEqual(['/', '/tools/calc']);
	});

	it('counts linked and inline CSS', () => {
		expect(pages[0]?.css.raw).toBe('body{color:red}'.length + 'p{}'.length);
	});

	it('counts linked CSS apart, since inline CSS is already part of the HTML', () => {
		expect(pages[0]?.linkedCss.raw).toBe('body{color:red}'.length);
	});

	it('finds no JavaScript on a page without scripts or islands', () => {
		expect(pages[0]?.js).toEqual({ raw: 0, gzip: 0 });
	});

	it('counts inline scripts, island modules, renderers and their imports', () => {
		const expected = [
			'self.Astro={}',
			'import{h}from"./preact.js";export default h;',
			'export const h=1;',
			'export default 1;',
		];
		expect(pages[1]?.js.raw).toBe(expected.join('').length);
		expect(pages[1]?.js.gzip).toBeGreaterThan(0);
	});

	it('adds pages up into a total', () => {
		expect(totalWeight(pages).js.raw).toBe(pages[1]?.js.raw);
	});
});
