/** Pages that must ship no JavaScript at all: every content page (search is the one exception). */
export const CONTENT_PAGES = [
	'/',
	'/about',
	'/status',
	'/guides',
	'/guides/choosing-a-stack',
	'/guides/tags/architecture',
	'/authors/loadbearing-team',
	'/this-page-does-not-exist',
] as const;
