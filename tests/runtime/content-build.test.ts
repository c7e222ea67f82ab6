import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build';
import { commandEnv } from '../../scripts/lib/offline-env';
import { createProjectCopy } from '../support/project-copy';

// Builds a copy of the site with fixture guides added: a draft, a scheduled one, and (for the
// schema test) one with a misspelt tag. The real content/ and dist/ are never touched.
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

describe('a production build with a draft and a scheduled guide', () => {
	const client = join(copy.dir, 'dist/client');
	const read = (path: string) => readFileSync(join(client, path), 'utf8');
	const SECRET_WORDS = ['zanzibarquokka', 'xylophonegnu'];

	beforeAll(() => {
		for (const name of ['draft-guide.mdx', 'scheduled-guide.mdx', 'embeds-a-tool.mdx']) {
			copyFileSync(join(fixtures, name), join(copy.dir, 'content/guides', name));
		}
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
		for (const file of ['guides.html', 'guides/tags/async.html', 'rss.xml', 'sitemap.xml', 'llms.txt']) {
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
});
