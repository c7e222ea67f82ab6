import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getVisibleGuides, toSummary } from '~/data/guides';
import { TAGS, type TagId } from '~/lib/content/tags';
import { renderSitemap, type SitemapEntry } from '~/lib/feeds/sitemap';

/** Pages that are not generated from content. */
const FIXED_PAGES = ['/', '/guides', '/search', '/about', '/status'];

/** Every public page: fixed pages, published guides with their last change, topics and authors. */
export const GET: APIRoute = async ({ site }) => {
	const guides = (await getVisibleGuides()).map(toSummary);
	const authors = await getCollection('authors');
	const absolute = (path: string) => new URL(path, site).toString();
	const tags = (Object.keys(TAGS) as TagId[]).filter((tag) =>
		guides.some((guide) => guide.tags.includes(tag)),
	);
	const entries: SitemapEntry[] = [
		...FIXED_PAGES.map((path) => ({ url: absolute(path) })),
		...guides.map((guide) => ({
			url: absolute(guide.url),
			lastModified: guide.updatedDate ?? guide.publishDate,
		})),
		...tags.map((tag) => ({ url: absolute(`/guides/tags/${tag}`) })),
		...authors.map((author) => ({ url: absolute(`/authors/${author.id}`) })),
	];
	return new Response(renderSitemap(entries), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
};
