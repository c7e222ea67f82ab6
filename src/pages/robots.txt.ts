import type { APIRoute } from 'astro';

/** Crawlers may read every page but the API, and find the sitemap here. */
export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${new URL('/sitemap.xml', site).toString()}\n`,
		{
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		},
	);
