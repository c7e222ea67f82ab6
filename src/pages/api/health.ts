import type { APIRoute } from 'astro';
import { methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { checkSiteHealth } from '~/server/services';

export const prerender = false;

/** For uptime monitors: 200 when D1 and KV answer, 503 naming the failing check. */
export const GET: APIRoute = async ({ locals }) => {
	const { httpStatus, report } = await checkSiteHealth(locals.services, Date.now());
	return json(report, httpStatus);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
