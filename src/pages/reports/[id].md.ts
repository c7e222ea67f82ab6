import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createReportsRepo } from '~/server/db/reports-repo';
import { HttpError } from '~/lib/http/http-error';
import { reportDownload } from '~/server/reports';

export const prerender = false;

/** A finished report as a .md download. */
export const GET: APIRoute = async ({ params }) => {
	const download = await reportDownload(createReportsRepo(env.DB), params.id ?? '', 'md');
	if (!download)
		throw new HttpError(404, 'not_found', 'No finished report with this id; it may still be building.', {
			field: 'id',
		});
	return download;
};
