import type { APIRoute } from 'astro';
import { HttpError, methodNotAllowed } from '~/lib/http/http-error';
import { JOB_ID, jobResponse } from '~/server/jobs/resource';

export const prerender = false;

/** One background job's state and progress, for pollers (docs/api.md, "Jobs"). */
export const GET: APIRoute = async ({ params, request, locals }) => {
	const id = params.id ?? '';
	const job = JOB_ID.test(id) ? await locals.services.repos.jobs.find(id) : null;
	if (!job) throw new HttpError(404, 'not_found', `There is no job ${id}.`, { field: 'id' });
	return jobResponse(job, request.headers.get('if-none-match'), Date.now());
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
