import type { APIRoute } from 'astro';
import { reportDownload } from '~/server/reports/start';

export const prerender = false;

/** A finished report as a .csv download; 404 while it is still building. */
export const GET: APIRoute = ({ params, locals }) =>
	reportDownload(locals.services.repos.reports, params.id ?? '', 'csv');
