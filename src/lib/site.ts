/** Site-wide facts the layout and pages share. */
export const SITE = {
	name: 'Loadbearing',
	/** The public origin, as in astro.config.mjs `site`; links sent outside the site start with it. */
	url: 'https://loadbearing.dev',
	tagline: 'Production systems that hold up under real load',
	description:
		'Guides and tools for engineers who build production web systems: choosing a stack, queues and async work, infrastructure costs, observability, CI/CD, scaling and security.',
} as const;

/** One entry of the header navigation. */
export interface NavItem {
	label: string;
	href: string;
}

/**
 * Header navigation (the wordmark links home). Only pages that exist belong here; the e2e
 * suite follows every link.
 */
export const PRIMARY_NAV: readonly NavItem[] = [
	{ label: 'Guides', href: '/guides' },
	{ label: 'Tools', href: '/tools' },
	{ label: 'Search', href: '/search' },
	{ label: 'About', href: '/about' },
];

/** Footer navigation: the header's pages plus the ones a returning reader or a machine wants. */
export const FOOTER_NAV: readonly NavItem[] = [
	{ label: 'Home', href: '/' },
	...PRIMARY_NAV,
	{ label: 'Contact', href: '/contact' },
	{ label: 'Status', href: '/status' },
	{ label: 'RSS feed', href: '/rss.xml' },
];

/**
 * Whether a nav item is the current page (or a section containing it).
 * @example isCurrentNavItem('/about', '/about') // => true
 * @example isCurrentNavItem('/', '/about') // => false
 */
export function isCurrentNavItem(href: string, pathname: string): boolean {
	const path = toPublicPath(pathname);
	return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/**
 * The public path of a page, whatever file it was built to (build.format is "file").
 * @example toPublicPath('/index.html') // => '/'
 * @example toPublicPath('/about.html') // => '/about'
 */
export function toPublicPath(pathname: string): string {
	const path = pathname.replace(/(\/index)?\.html$/, '').replace(/\/$/, '');
	return path === '' ? '/' : path;
}
