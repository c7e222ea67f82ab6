/** Pages that must ship no JavaScript at all. Every prerendered page is listed here. */
export const CONTENT_PAGES = ['/', '/about', '/status', '/this-page-does-not-exist'] as const;
