import type { APIRoute } from 'astro';
import { HttpError, methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

export const prerender = false;

/** Whether a heartbeat has made it through the queue yet. */
export const GET: APIRoute = async ({ params, locals }) => {
	const heartbeat = params.id ? await locals.services.repos.heartbeats.find(params.id) : null;
	if (!heartbeat) throw new HttpError(404, 'not_found', 'No heartbeat has this id.', { field: 'id' });
	return json(toHeartbeatView(heartbeat, Date.now()));
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
