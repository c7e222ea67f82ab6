import type { APIRoute } from 'astro';
import { methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { checkSiteHealth } from '~/server/site-health';

export const prerender = false;

/** For uptime monitors: 200 when D1 and KV answer, 503 naming the failing check. */
export const GET: APIRoute = async () => {
	const { httpStatus, report } = await checkSiteHealth(Date.now());
	return json(report, httpStatus);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
