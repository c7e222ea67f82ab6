import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createReportsRepo } from '~/server/db/reports-repo';
import { reportDownload } from '~/server/reports';

export const prerender = false;

/** A finished report as a .csv download; 404 while it is still building. */
export const GET: APIRoute = ({ params }) =>
	reportDownload(createReportsRepo(env.DB), params.id ?? '', 'csv');
