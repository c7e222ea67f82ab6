import { describe, expect, it } from 'vitest';
import {
	allPageUrls,
	allPages,
	countPages,
	pageLinks,
	pageParam,
	pageUrl,
	paginate,
} from '~/lib/content/pagination';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('countPages', () => {
	it('fills a last, partly full page', () => {
		expect(countPages(41, 20)).toBe(3);
		expect(countPages(40, 20)).toBe(2);
	});

	it('gives an empty list one page, so its first page still exists', () => {
		expect(countPages(0, 20)).toBe(1);
	});

	it('refuses a page size below one', () => {
		expect(() => countPages(10, 0)).toThrow(RangeError);
	});
});

describe('pageUrl', () => {
	it('keeps the first page at the list’s own address', () => {
		expect(pageUrl('/guides', 1)).toBe('/guides');
	});

	it('puts later pages under /page/N', () => {
		expect(pageUrl('/guides/tags/async', 3)).toBe('/guides/tags/async/page/3');
	});
});

describe('allPageUrls', () => {
	it('lists the first page’s own address, then every later page', () => {
		expect(allPageUrls('/guides', 45, 20)).toEqual(['/guides', '/guides/page/2', '/guides/page/3']);
		expect(allPageUrls('/authors/ada', 0, 20)).toEqual(['/authors/ada']);
	});
});

describe('pageParam', () => {
	it('matches the URLs pageUrl makes', () => {
		expect(pageParam(1)).toBeUndefined();
		expect(`/guides/${pageParam(4)}`).toBe(pageUrl('/guides', 4));
	});
});

describe('paginate', () => {
	const items = numbers(45);

	it('slices the requested page in order', () => {
		expect(paginate(items, 1, '/guides', 20).items).toEqual(numbers(20));
		expect(paginate(items, 3, '/guides', 20).items).toEqual([41, 42, 43, 44, 45]);
	});

	it('links the first page forward only and the last page back only', () => {
		const first = paginate(items, 1, '/guides', 20);
		expect([first.prevUrl, first.nextUrl, first.count]).toEqual([undefined, '/guides/page/2', 3]);
		const last = paginate(items, 3, '/guides', 20);
		expect([last.prevUrl, last.nextUrl]).toEqual(['/guides/page/2', undefined]);
	});

	it('links back from page 2 to the first page’s own address', () => {
		expect(paginate(items, 2, '/guides', 20).prevUrl).toBe('/guides');
	});

	it('refuses a page past the end or below one', () => {
		expect(() => paginate(items, 4, '/guides', 20)).toThrow(/has 3 pages/);
		expect(() => paginate(items, 0, '/guides', 20)).toThrow(RangeError);
	});
});

describe('allPages', () => {
	it('covers every item exactly once across the pages', () => {
		const pages = allPages(numbers(1000), '/guides', 20);
		expect(pages).toHaveLength(50);
		expect(pages.flatMap((page) => page.items)).toEqual(numbers(1000));
		expect(pages.map((page) => page.number)).toEqual(numbers(50));
	});

	it('gives a short list a single page without neighbours', () => {
		const [only, ...rest] = allPages(numbers(3), '/guides/tags/ai', 20);
		expect(rest).toEqual([]);
		expect(only).toMatchObject({ count: 1, prevUrl: undefined, nextUrl: undefined });
	});
});

describe('pageLinks', () => {
	const shown = (current: number, count: number) =>
		pageLinks('/guides', current, count).map((link) =>
			'gap' in link ? '…' : link.current ? `[${link.number}]` : link.number,
		);

	it('lists every page of a short list', () => {
		expect(shown(2, 4)).toEqual([1, '[2]', 3, 4]);
	});

	it('shows the ends and the neighbours of the current page, with gaps between', () => {
		expect(shown(25, 50)).toEqual([1, '…', 24, '[25]', 26, '…', 50]);
	});

	it('shows a single skipped page rather than a gap', () => {
		expect(shown(4, 9)).toEqual([1, 2, 3, '[4]', 5, '…', 9]);
	});

	it('links each number to its page', () => {
		expect(pageLinks('/authors/ada', 1, 2)).toEqual([
			{ number: 1, url: '/authors/ada', current: true },
			{ number: 2, url: '/authors/ada/page/2', current: false },
		]);
	});
});
