import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build';
import {
	checkAdvisoryCitations,
	checkBuiltSite,
	checkGuideDependencies,
	checkGuideFigures,
	checkGuideLinks,
	checkSources,
	guideWordCounts,
} from '../../scripts/lib/content-check';
import { loadPriceCatalog } from '../../scripts/lib/content-data';
import { ON_DEMAND_PATHS } from '../../scripts/lib/on-demand-paths';
import { url } from './http';

/** Every published guide in content/guides; pages that list guides list this many. */
const PUBLISHED_GUIDES = guideWordCounts(join(ROOT, 'content')).length;

const page = async (path: string) => {
	const response = await fetch(url(path));
	return { response, html: await response.text() };
};
const jsonLd = (html: string) =>
	[...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
		(match) => JSON.parse(match[1] ?? '') as Record<string, unknown>,
	);

describe('a guide page', () => {
	it('shows title, authors, dates, reading time and a table of contents whose links all land', async () => {
		const { response, html } = await page('/guides/async-processing');
		expect(response.status).toBe(200);
		expect(html).toMatch(/<h1[^>]*>Async processing that never loses a job<\/h1>/);
		expect(html).toContain('href="/authors/loadbearing-team"');
		expect(html).toMatch(/<dt[^>]*>Published<\/dt>\s*<dd[^>]*><time datetime="2026-09-15"/);
		expect(html).toMatch(/<dt[^>]*>Reviewed<\/dt>/);
		expect(html).toMatch(/\d+ min<\/dd>/);
		expect(html).toContain('On this page');
		const tocTargets = [...html.matchAll(/<li class="depth-[23]"[^>]*><a href="#([^"]+)"/g)].map((m) => m[1]);
		expect(tocTargets.length).toBeGreaterThan(5);
		for (const id of tocTargets) expect(html, `#${id}`).toContain(`id="${id}"`);
	});

	it('links each section heading to itself', async () => {
		const { html } = await page('/guides/async-processing');
		expect(html).toMatch(
			/<h2 id="when-to-queue"[^>]*>When to queue<a class="anchor"[^>]*href="#when-to-queue"/,
		);
	});

	it('shows its place in the series with previous and next parts', async () => {
		const { html } = await page('/guides/async-processing');
		expect(html).toMatch(/Part 3 of 4/);
		expect(html).toMatch(/<a class="prev"[^>]*href="\/guides\/your-app-is-glue-code"[^>]*rel="prev"/);
		expect(html).toMatch(/<a class="next"[^>]*href="\/guides\/services-and-communication"[^>]*rel="next"/);
	});

	it('suggests related guides from other series', async () => {
		const { html } = await page('/guides/async-processing');
		const related = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
		expect(related).toContain('Related guides');
		expect([...related.matchAll(/href="\/guides\/([^"]+)"/g)].length).toBeGreaterThan(0);
	});

	it('carries canonical, Open Graph, Twitter and JSON-LD metadata', async () => {
		const { html } = await page('/guides/async-processing');
		expect(html).toContain('<link rel="canonical" href="https://loadbearing.dev/guides/async-processing">');
		expect(html).toContain('<meta property="og:type" content="article">');
		expect(html).toContain('<meta name="twitter:card" content="summary">');
		const types = jsonLd(html).map((data) => data['@type']);
		expect(types).toEqual(['TechArticle', 'BreadcrumbList']);
	});

	it('is also served as plain Markdown', async () => {
		const response = await fetch(url('/guides/async-processing.md'));
		expect(response.headers.get('content-type')).toContain('text/markdown');
		const text = await response.text();
		expect(text.startsWith('# Async processing that never loses a job\n')).toBe(true);
		expect(text).not.toMatch(/<Callout|<Steps|import /);
	});
});

describe('lists of guides', () => {
	it('groups the guides index by series, in order', async () => {
		const { html } = await page('/guides');
		const seriesHeadings = [...html.matchAll(/<h2 id="series-[^"]+-title"[^>]*>([^<]+)<\/h2>/g)].map(
			(m) => m[1],
		);
		expect(seriesHeadings).toEqual(['Choosing and building', 'Running production', 'Scaling and cost']);
		expect(html).toContain('href="/guides/tags/async"');
	});

	it('has a page per topic and per author', async () => {
		const topic = await page('/guides/tags/security');
		expect(topic.response.status).toBe(200);
		expect(topic.html).toContain('href="/guides/security-posture"');
		const author = await page('/authors/loadbearing-team');
		expect(author.html.match(/class="card"/g)?.length).toBe(PUBLISHED_GUIDES);
	});
});

describe('discovery files', () => {
	it('lists every guide in llms.txt with its Markdown URL', async () => {
		const text = await (await fetch(url('/llms.txt'))).text();
		expect(text.startsWith('# Loadbearing\n\n> ')).toBe(true);
		expect(text.match(/\]\(https:\/\/loadbearing\.dev\/guides\/[a-z-]+\.md\)/g)).toHaveLength(
			PUBLISHED_GUIDES,
		);
	});

	it('points crawlers at the sitemap from robots.txt', async () => {
		const text = await (await fetch(url('/robots.txt'))).text();
		expect(text).toContain('Sitemap: https://loadbearing.dev/sitemap.xml');
		expect(text).toContain('Disallow: /api/');
		expect(text).toContain('Disallow: /admin');
	});

	it('lists every tool and the contact form in the sitemap, each answering 200', async () => {
		const sitemap = await (await fetch(url('/sitemap.xml'))).text();
		const paths = ['/tools', '/tools/hosting', '/tools/ai-spend', '/tools/database', '/tools/downtime'];
		for (const path of [...paths, '/tools/stack-advisor', '/contact']) {
			expect(sitemap).toContain(`<loc>https://loadbearing.dev${path}</loc>`);
			expect((await fetch(url(path))).status, path).toBe(200);
		}
	});
});

describe('the content check', () => {
	it('finds no frontmatter problems in content/', () => {
		expect(checkSources(join(ROOT, 'content'))).toEqual([]);
	});

	it('finds no dollar amount in a guide without a computed figure or a citation', () => {
		expect(checkGuideFigures(join(ROOT, 'content'))).toEqual([]);
	});

	it('finds every security advisory cited by a known, current id, never as bare text', () => {
		expect(checkAdvisoryCitations(join(ROOT, 'content'))).toEqual([]);
	});

	it('finds every price sheet and advisory a guide relies on listed in its frontmatter', () => {
		expect(checkGuideDependencies(join(ROOT, 'content'), loadPriceCatalog())).toEqual([]);
	});

	it('finds every guide linked from three others, linking a tool scenario, with 1,100 words or more', () => {
		expect(checkGuideLinks(join(ROOT, 'content'))).toEqual([]);
	});

	it('keeps the median guide at 1,300 words of prose or more', () => {
		const words = guideWordCounts(join(ROOT, 'content')).sort((a, b) => a - b);
		const middle = words.length / 2;
		const median = words.length % 2 ? words[Math.floor(middle)]! : (words[middle - 1]! + words[middle]!) / 2;
		expect(median).toBeGreaterThanOrEqual(1300);
	});

	it('finds no broken links or anchors, missing alt text or skipped headings in the built site', () => {
		expect(checkBuiltSite(join(ROOT, 'dist/client'), ON_DEMAND_PATHS)).toEqual([]);
	});
});
