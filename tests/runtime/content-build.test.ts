import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build';
import { commandEnv } from '../../scripts/lib/offline-env';
import { GUIDES_PER_PAGE } from '../../src/lib/content/pagination';
import { createProjectCopy } from '../support/project-copy';
import { addSyntheticGuides } from '../support/synthetic-guides';

// Builds a copy of the site with fixture guides added: a draft, a scheduled one, (for the
// schema test) one with a misspelt tag, and enough generated ones on one topic that the guide
// index and that topic's page run to a second page. The real content/ and dist/ are never touched.
const copy = createProjectCopy();
const fixtures = join(ROOT, 'tests/fixtures/guides');
const astro = (command: string) =>
	spawnSync('npx', ['astro', command], { cwd: copy.dir, env: commandEnv(), encoding: 'utf8' });
afterAll(() => copy.remove());

describe('a guide with invalid frontmatter', () => {
	it('fails the build with a message naming the file, the field and the fix', () => {
		copyFileSync(join(fixtures, 'bad-frontmatter.mdx'), join(copy.dir, 'content/guides/bad-frontmatter.mdx'));
		const result = astro('sync');
		rmSync(join(copy.dir, 'content/guides/bad-frontmatter.mdx'));
		expect(result.status).not.toBe(0);
		const output = result.stdout + result.stderr;
		expect(output).toContain('bad-frontmatter');
		expect(output).toMatch(/tags\.0/);
		expect(output).toContain('Unknown tag "asynk"');
	});
});

/** Generated guides, all on the async topic, so that topic and the guide index have two pages. */
const EXTRA_GUIDES = GUIDES_PER_PAGE + 5;

describe('a production build with a draft and a scheduled guide', () => {
	const client = join(copy.dir, 'dist/client');
	const read = (path: string) => readFileSync(join(client, path), 'utf8');
	const SECRET_WORDS = ['zanzibarquokka', 'xylophonegnu'];

	beforeAll(() => {
		for (const name of ['draft-guide.mdx', 'scheduled-guide.mdx', 'embeds-a-tool.mdx']) {
			copyFileSync(join(fixtures, name), join(copy.dir, 'content/guides', name));
		}
		addSyntheticGuides(join(copy.dir, 'content/guides'), EXTRA_GUIDES, ['async']);
		const result = astro('build');
		if (result.status !== 0) throw new Error(`Fixture build failed:\n${result.stdout}\n${result.stderr}`);
	}, 180_000);

	it('still builds every published guide', () => {
		expect(existsSync(join(client, 'guides/async-processing.html'))).toBe(true);
	});

	it('has no page and no Markdown copy for the draft or the scheduled guide', () => {
		for (const slug of ['draft-guide', 'scheduled-guide']) {
			expect(existsSync(join(client, `guides/${slug}.html`))).toBe(false);
			expect(existsSync(join(client, `guides/${slug}.md`))).toBe(false);
		}
	});

	it('leaves them out of the guide list, tag pages, feed, sitemap and llms.txt', () => {
		for (const file of [
			'guides.html',
			'guides/page/2.html',
			'guides/tags/async.html',
			'guides/tags/async/page/2.html',
			'rss.xml',
			'sitemap.xml',
			'llms.txt',
		]) {
			const text = read(file);
			const leaks = [
				'draft-guide',
				'scheduled-guide',
				'must never be published',
				'scheduled for the far future',
			];
			expect(
				leaks.filter((leak) => text.includes(leak)),
				file,
			).toEqual([]);
		}
	});

	it('leaves them out of the search index', () => {
		const fragments = readdirSync(join(client, 'pagefind/fragment'));
		expect(fragments.length).toBeGreaterThan(0);
		const indexed = fragments
			.map((name) => gunzipSync(readFileSync(join(client, 'pagefind/fragment', name))).toString('utf8'))
			.join('\n');
		expect(indexed.includes('idempotent'), 'the real guides are indexed').toBe(true);
		for (const word of SECRET_WORDS)
			expect(indexed.includes(word), `"${word}" is in the search index`).toBe(false);
	});

	it('renders an embedded calculator from its preset as a hydrating island, in the guide only', () => {
		const html = read('guides/embeds-a-tool.html');
		expect(html).toMatch(
			/<astro-island[^>]*component-url="\/_astro\/HostingCalculator[^"]*"[^>]*client="visible"/,
		);
		expect(html).toContain('value="3000000"'); // the small API preset's requests
		expect(html).toMatch(/<link rel="stylesheet" href="\/_astro\/calculator\.[^"]+\.css">/);
		expect(read('guides/async-processing.html')).not.toContain('<astro-island');
	});

	describe('a list longer than a page', () => {
		/** The built HTML at a site path, e.g. '/guides/page/2' → guides/page/2.html. */
		const at = (path: string) => read(`${path.slice(1)}.html`);
		const relLink = (html: string, rel: 'prev' | 'next') =>
			new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html)?.[1];
		const guideLinks = (html: string) =>
			[...html.matchAll(/<a href="(\/guides\/synthetic-guide-\d+)"/g)].map((match) => match[1]);

		for (const first of ['/guides', '/guides/tags/async']) {
			it(`lets a reader go from ${first} to page 2 and back`, () => {
				const one = at(first);
				expect(one).toMatch(/<nav class="pagination[^"]*" aria-label="[^"]+, pages"/);
				expect(one).toContain('Page 1 of 2');
				expect(one).toMatch(/<a href="[^"]+" aria-current="page" aria-label="Page 1"/);
				expect(relLink(one, 'prev')).toBeUndefined();
				const next = relLink(one, 'next');
				expect(next).toBe(`${first}/page/2`);

				const two = at(next as string);
				expect(two).toContain('Page 2 of 2');
				expect(two).toMatch(/<h1[^>]*>[^]*page 2 of 2[^]*<\/h1>/i);
				expect(two).toContain(`<link rel="canonical" href="https://loadbearing.dev${first}/page/2">`);
				expect(relLink(two, 'next')).toBeUndefined();
				expect(relLink(two, 'prev')).toBe(first);
			});

			it(`splits ${first} into pages that together list every guide once`, () => {
				const listed = [...guideLinks(at(first)), ...guideLinks(at(`${first}/page/2`))];
				expect(listed).toHaveLength(EXTRA_GUIDES);
				expect(new Set(listed).size).toBe(EXTRA_GUIDES);
			});

			it(`ships no JavaScript on either page of ${first}`, () => {
				for (const html of [at(first), at(`${first}/page/2`)])
					expect(html.match(/<script(?![^>]*application\/ld\+json)[^>]*>/g) ?? []).toEqual([]);
			});
		}

		it('lists the second pages in the sitemap', () => {
			const sitemap = read('sitemap.xml');
			for (const path of ['/guides', '/guides/page/2', '/guides/tags/async', '/guides/tags/async/page/2'])
				expect(sitemap).toContain(`<loc>https://loadbearing.dev${path}</loc>`);
			for (const path of ['/guides/page/3', '/guides/tags/async/page/3'])
				expect(sitemap).not.toContain(`<loc>https://loadbearing.dev${path}</loc>`);
		});
	});
});
