import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getVisibleGuides, toSummary } from '~/data/guides';
import { renderLlmsTxt } from '~/lib/feeds/llms-txt';
import { FEED_ITEM_LIMIT } from '~/lib/feeds/rss';
import { SITE } from '~/lib/site';

/**
 * /llms.txt (llmstxt.org): the guides, by series, linking to their plain-Markdown versions. Like
 * the RSS feed it lists only the newest guides outside a series, so it stays small; the sitemap
 * lists them all.
 */
export const GET: APIRoute = async ({ site }) => {
	const guides = (await getVisibleGuides()).map(toSummary);
	const series = (await getCollection('series')).sort((a, b) => a.data.position - b.data.position);
	const link = (guide: (typeof guides)[number]) => ({
		title: guide.title,
		url: new URL(`${guide.url}.md`, site).toString(),
		description: guide.description,
	});
	const standalone = guides.filter((guide) => guide.series === undefined);
	const older = standalone.length - FEED_ITEM_LIMIT;
	const text = renderLlmsTxt({
		name: SITE.name,
		summary: SITE.description,
		details:
			'Each guide below links to a plain-Markdown copy. Figures cite their sources; every guide states when its advice was last reviewed.' +
			(older > 0
				? ` Only the newest ${FEED_ITEM_LIMIT} guides outside a series are listed; ${new URL('/sitemap.xml', site).toString()} lists all of them.`
				: ''),
		sections: [
			...series.map((entry) => ({
				title: entry.data.title,
				links: guides
					.filter((guide) => guide.series === entry.id)
					.sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
					.map(link),
			})),
			{ title: 'More guides', links: standalone.slice(0, FEED_ITEM_LIMIT).map(link) },
		],
	});
	return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
