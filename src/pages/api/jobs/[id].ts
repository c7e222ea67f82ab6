import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createJobsRepo } from '~/server/db/jobs-repo';
import { HttpError, methodNotAllowed } from '~/lib/http/http-error';
import { JOB_ID, jobResponse } from '~/server/job-resource';

export const prerender = false;

/** One background job's state and progress, for pollers (docs/api.md, "Jobs"). */
export const GET: APIRoute = async ({ params, request }) => {
	const id = params.id ?? '';
	const job = JOB_ID.test(id) ? await createJobsRepo(env.DB).find(id) : null;
	if (!job) throw new HttpError(404, 'not_found', `There is no job ${id}.`, { field: 'id' });
	return jobResponse(job, request.headers.get('if-none-match'), Date.now());
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
