import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createReportsRepo } from '~/server/db/reports-repo';
import { problem } from '~/server/http';
import { reportDownload } from '~/server/reports';

export const prerender = false;

/** A finished report as a .csv download. */
export const GET: APIRoute = async ({ params, locals }) =>
	(await reportDownload(createReportsRepo(env.DB), params.id ?? '', 'csv')) ??
	problem(404, 'not_found', 'No finished report with this id; it may still be building.', locals.requestId, {
		field: 'id',
	});
