import { escapeXml } from './xml.ts';

export interface FeedItem {
	title: string;
	url: string;
	description: string;
	publishDate: Date;
	categories: readonly string[];
}

/**
 * How many guides the feed carries: readers poll it and keep what they saw, so the newest are
 * enough, and the feed stays small however many guides the site has.
 */
export const FEED_ITEM_LIMIT = 50;

/** An RSS 2.0 feed of published guides, the newest `FEED_ITEM_LIMIT` (callers pass them sorted, newest first). */
export function renderRssFeed(feed: {
	title: string;
	description: string;
	siteUrl: string;
	feedUrl: string;
	items: readonly FeedItem[];
}): string {
	const items = feed.items
		.slice(0, FEED_ITEM_LIMIT)
		.map(
			(item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.url)}</guid>
      <description>${escapeXml(item.description)}</description>
      <pubDate>${item.publishDate.toUTCString()}</pubDate>
${item.categories.map((category) => `      <category>${escapeXml(category)}</category>`).join('\n')}
    </item>`,
		)
		.join('\n');
	const lastBuild = feed.items[0]?.publishDate.toUTCString();
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.siteUrl)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>en</language>
    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>${lastBuild ? `\n    <lastBuildDate>${lastBuild}</lastBuildDate>` : ''}
${items}
  </channel>
</rss>
`;
}
