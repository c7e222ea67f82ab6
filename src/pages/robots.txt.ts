import type { APIRoute } from 'astro';

/**
 * Crawlers may read every page but the API, the operator console and visitors' own pages
 * (receipts and reports: private, unguessable and noindex anyway), and find the sitemap here.
 */
export const GET: APIRoute = ({ site }) =>
	new Response(
		`User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nDisallow: /inquiries/\nDisallow: /reports/\n\nSitemap: ${new URL('/sitemap.xml', site).toString()}\n`,
		{
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		},
	);
