import type { APIRoute } from 'astro';
import { getVisibleGuides, toSummary } from '~/data/guides';
import { TAGS } from '~/lib/content/tags';
import { renderRssFeed } from '~/lib/feeds/rss';
import { SITE } from '~/lib/site';

/** RSS 2.0 feed of published guides, newest first. */
export const GET: APIRoute = async ({ site }) => {
	const guides = (await getVisibleGuides()).map(toSummary);
	const absolute = (path: string) => new URL(path, site).toString();
	const xml = renderRssFeed({
		title: `${SITE.name} guides`,
		description: SITE.description,
		siteUrl: absolute('/'),
		feedUrl: absolute('/rss.xml'),
		items: guides.map((guide) => ({
			title: guide.title,
			url: absolute(guide.url),
			description: guide.description,
			publishDate: guide.publishDate,
			categories: guide.tags.map((tag) => TAGS[tag].label),
		})),
	});
	return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
