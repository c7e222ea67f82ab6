/**
 * Guides per page on the guide index, topic and author pages: enough to scan in one screenful
 * or two, and about 15 KB of HTML, so a page stays small however many guides there are.
 */
export const GUIDES_PER_PAGE = 20;

/** One page of a list, with what its navigation needs. */
export interface Page<T> {
	items: T[];
	/** 1-based. */
	number: number;
	/** At least 1: an empty list still has its first page. */
	count: number;
	/** Where the previous and next pages live, when there are such pages. */
	prevUrl: string | undefined;
	nextUrl: string | undefined;
}

/**
 * How many pages a list of `total` items fills; an empty list still has one (empty) page.
 * @example countPages(41, 20) // => 3
 */
export function countPages(total: number, perPage: number = GUIDES_PER_PAGE): number {
	if (!Number.isInteger(perPage) || perPage < 1)
		throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
	return Math.max(1, Math.ceil(total / perPage));
}

/**
 * The URL of page `number` of the list at `base`: the first page is the base itself, so it
 * keeps its address; later pages live under `/page/N`.
 * @example pageUrl('/guides/tags/async', 1) // => '/guides/tags/async'
 * @example pageUrl('/guides/tags/async', 3) // => '/guides/tags/async/page/3'
 */
export function pageUrl(base: string, number: number): string {
	return number === 1 ? base : `${base}/page/${number}`;
}

/**
 * The URL of every page of a list of `total` items at `base`, for the sitemap.
 * @example allPageUrls('/guides', 45, 20) // => ['/guides', '/guides/page/2', '/guides/page/3']
 */
export function allPageUrls(base: string, total: number, perPage: number = GUIDES_PER_PAGE): string[] {
	return Array.from({ length: countPages(total, perPage) }, (_, index) => pageUrl(base, index + 1));
}

/**
 * The rest-parameter value of page `number` for a `[...page].astro` route: none for the first
 * page, `page/N` after it.
 * @example pageParam(1) // => undefined
 * @example pageParam(2) // => 'page/2'
 */
export function pageParam(number: number): string | undefined {
	return number === 1 ? undefined : `page/${number}`;
}

/**
 * Page `number` of `items` (already in display order) for the list at `base`.
 * @throws RangeError when the page does not exist, so a bad static path fails the build.
 */
export function paginate<T>(
	items: readonly T[],
	number: number,
	base: string,
	perPage: number = GUIDES_PER_PAGE,
): Page<T> {
	const count = countPages(items.length, perPage);
	if (!Number.isInteger(number) || number < 1 || number > count)
		throw new RangeError(`Page ${number} of ${base} does not exist; it has ${count} pages`);
	const start = (number - 1) * perPage;
	return {
		items: items.slice(start, start + perPage),
		number,
		count,
		prevUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
		nextUrl: number < count ? pageUrl(base, number + 1) : undefined,
	};
}

/** Every page of `items`, in order, for getStaticPaths. */
export function allPages<T>(items: readonly T[], base: string, perPage: number = GUIDES_PER_PAGE): Page<T>[] {
	const count = countPages(items.length, perPage);
	return Array.from({ length: count }, (_, index) => paginate(items, index + 1, base, perPage));
}

/** A numbered link in a page navigation, or a gap where page numbers are left out. */
export type PageLink = { number: number; url: string; current: boolean } | { gap: true };

/**
 * The numbered links of a page navigation: the first and last page, and the pages within
 * `around` of the current one, with gaps between; a gap of a single page shows that page instead.
 * @example pageLinks('/guides', 5, 9).map(l => 'gap' in l ? '…' : l.number) // => [1, '…', 4, 5, 6, '…', 9]
 */
export function pageLinks(base: string, current: number, count: number, around = 1): PageLink[] {
	const shown = new Set([1, count]);
	for (let number = current - around; number <= current + around; number++)
		if (number >= 1 && number <= count) shown.add(number);
	const numbers = [...shown].sort((a, b) => a - b);
	const links: PageLink[] = [];
	numbers.forEach((number, index) => {
		const previous = numbers[index - 1];
		if (previous !== undefined && number - previous === 2) links.push(link(base, previous + 1, current));
		else if (previous !== undefined && number - previous > 2) links.push({ gap: true });
		links.push(link(base, number, current));
	});
	return links;
}

function link(base: string, number: number, current: number): PageLink {
	return { number, url: pageUrl(base, number), current: number === current };
}
