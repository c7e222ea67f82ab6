import { describe, expect, it } from 'vitest';
import { articleJsonLd, breadcrumbJsonLd, serializeJsonLd } from '~/lib/feeds/json-ld';
import { renderLlmsTxt } from '~/lib/feeds/llms-txt';
import { FEED_ITEM_LIMIT, renderRssFeed } from '~/lib/feeds/rss';
import { renderSitemap } from '~/lib/feeds/sitemap';
import { escapeXml } from '~/lib/feeds/xml';

describe('escapeXml', () => {
	it('escapes the five XML special characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
		);
	});
});

describe('renderRssFeed', () => {
	it('carries only the newest guides however many there are', () => {
		const many = Array.from({ length: FEED_ITEM_LIMIT + 25 }, (_, index) => ({
			title: `Guide ${index}`,
			url: `https://x.dev/guides/${index}`,
			description: 'd',
			publishDate: new Date(Date.UTC(2026, 10, 30) - index * 86_400_000),
			categories: [],
		}));
		const feed = renderRssFeed({
			title: 't',
			description: 'd',
			siteUrl: 'https://x.dev/',
			feedUrl: 'https://x.dev/rss.xml',
			items: many,
		});
		expect(feed.match(/<item>/g)).toHaveLength(FEED_ITEM_LIMIT);
		expect(feed).toContain('<title>Guide 0</title>');
		expect(feed).not.toContain(`<title>Guide ${FEED_ITEM_LIMIT}</title>`);
	});

	const xml = renderRssFeed({
		title: 'Loadbearing guides',
		description: 'Guides',
		siteUrl: 'https://x.dev/',
		feedUrl: 'https://x.dev/rss.xml',
		items: [
			{
				title: 'Queues & jobs',
				url: 'https://x.dev/guides/q',
				description: 'About <queues>',
				publishDate: new Date('2026-09-15T00:00:00Z'),
				categories: ['Async'],
			},
		],
	});

	it('lists each item with an escaped title, permalink guid and RFC 822 date', () => {
		expect(xml).toContain('<title>Queues &amp; jobs</title>');
		expect(xml).toContain('<guid isPermaLink="true">https://x.dev/guides/q</guid>');
		expect(xml).toContain('<pubDate>Tue, 15 Sep 2026 00:00:00 GMT</pubDate>');
		expect(xml).toContain('<description>About &lt;queues&gt;</description>');
	});

	it('points to itself with an atom:link', () => {
		expect(xml).toContain('<atom:link href="https://x.dev/rss.xml" rel="self" type="application/rss+xml"/>');
	});
});

describe('renderSitemap', () => {
	it('writes each URL with its last modification date', () => {
		const xml = renderSitemap([
			{ url: 'https://x.dev/' },
			{ url: 'https://x.dev/guides/q', lastModified: new Date('2026-09-15T10:00:00Z') },
		]);
		expect(xml).toContain('<url><loc>https://x.dev/</loc></url>');
		expect(xml).toContain('<url><loc>https://x.dev/guides/q</loc><lastmod>2026-09-15</lastmod></url>');
	});
});

describe('renderLlmsTxt', () => {
	it('follows the llms.txt layout and skips empty sections', () => {
		const text = renderLlmsTxt({
			name: 'Loadbearing',
			summary: 'Guides.',
			details: 'Details.',
			sections: [
				{
					title: 'Series',
					links: [{ title: 'Q', url: 'https://x.dev/guides/q.md', description: 'Queues.' }],
				},
				{ title: 'Empty', links: [] },
			],
		});
		expect(text).toBe(
			'# Loadbearing\n\n> Guides.\n\nDetails.\n\n## Series\n\n- [Q](https://x.dev/guides/q.md): Queues.\n',
		);
	});
});

describe('JSON-LD', () => {
	it('describes an article with its dates, authors and publisher', () => {
		const data = articleJsonLd({
			title: 'Q',
			description: 'D',
			url: 'https://x.dev/guides/q',
			publishDate: new Date('2026-09-15T00:00:00Z'),
			authors: [{ name: 'Team', url: 'https://x.dev/authors/team' }],
			publisher: { name: 'Loadbearing', url: 'https://x.dev/' },
		});
		expect(data).toMatchObject({
			'@type': 'TechArticle',
			headline: 'Q',
			dateModified: '2026-09-15T00:00:00.000Z',
		});
	});

	it('numbers breadcrumb positions from 1', () => {
		const data = breadcrumbJsonLd([
			{ name: 'Home', url: 'https://x.dev/' },
			{ name: 'Guides', url: 'https://x.dev/guides' },
		]);
		expect(data.itemListElement.map((item) => item.position)).toEqual([1, 2]);
	});

	it('cannot be closed early by a title containing </script>', () => {
		expect(serializeJsonLd({ headline: '</script><script>alert(1)</script>' })).not.toContain('</script>');
	});
});
