import { describe, expect, it } from 'vitest';
import { isCurrentNavItem, toPublicPath } from '~/lib/site';

describe('toPublicPath', () => {
	it.each([
		['/index.html', '/'],
		['/', '/'],
		['/about.html', '/about'],
		['/about', '/about'],
		['/guides/index.html', '/guides'],
		['/guides/', '/guides'],
	])('%s is served as %s', (pathname, expected) => {
		expect(toPublicPath(pathname)).toBe(expected);
	});
});

describe('isCurrentNavItem', () => {
	it('marks home only on the home page', () => {
		expect(isCurrentNavItem('/', '/index.html')).toBe(true);
		expect(isCurrentNavItem('/', '/about')).toBe(false);
	});

	it('marks a section on its pages and below, but not on look-alike paths', () => {
		expect(isCurrentNavItem('/about', '/about.html')).toBe(true);
		expect(isCurrentNavItem('/guides', '/guides/queues')).toBe(true);
		expect(isCurrentNavItem('/about', '/about-us')).toBe(false);
	});
});
