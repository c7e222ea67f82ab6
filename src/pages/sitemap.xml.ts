import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getVisibleGuides, toSummary } from '~/data/guides';
import { CALCULATOR_SLUGS } from '~/lib/calculators/registry';
import { allPageUrls } from '~/lib/content/pagination';
import { TAGS, type TagId } from '~/lib/content/tags';
import { renderSitemap, type SitemapEntry } from '~/lib/feeds/sitemap';

/** Pages that are not generated from content: the tools and the contact form among them. */
const FIXED_PAGES = [
	'/',
	'/tools',
	...CALCULATOR_SLUGS.map((slug) => `/tools/${slug}`),
	'/tools/stack-advisor',
	'/contact',
	'/search',
	'/about',
	'/status',
];

/** Every public page: fixed pages, published guides with their last change, and every page of the guide index, topics and authors. */
export const GET: APIRoute = async ({ site }) => {
	const visible = await getVisibleGuides();
	const authors = await getCollection('authors');
	const absolute = (path: string) => new URL(path, site).toString();
	const guides = visible.map(toSummary);
	const tagged = (Object.keys(TAGS) as TagId[])
		.map((tag) => ({ tag, count: guides.filter((guide) => guide.tags.includes(tag)).length }))
		.filter(({ count }) => count > 0);
	const listPages = [
		...allPageUrls('/guides', guides.filter((guide) => guide.series === undefined).length),
		...tagged.flatMap(({ tag, count }) => allPageUrls(`/guides/tags/${tag}`, count)),
		...authors.flatMap((author) =>
			allPageUrls(
				`/authors/${author.id}`,
				visible.filter((guide) => guide.data.authors.some((ref) => ref.id === author.id)).length,
			),
		),
	];
	const entries: SitemapEntry[] = [
		...FIXED_PAGES.map((path) => ({ url: absolute(path) })),
		...guides.map((guide) => ({
			url: absolute(guide.url),
			lastModified: guide.updatedDate ?? guide.publishDate,
		})),
		...listPages.map((path) => ({ url: absolute(path) })),
	];
	return new Response(renderSitemap(entries), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
};
