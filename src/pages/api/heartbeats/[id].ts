import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createHeartbeatsRepo } from '~/server/db/heartbeats-repo';
import { HttpError, methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

export const prerender = false;

/** Whether a heartbeat has made it through the queue yet. */
export const GET: APIRoute = async ({ params }) => {
	const heartbeat = params.id ? await createHeartbeatsRepo(env.DB).find(params.id) : null;
	if (!heartbeat) throw new HttpError(404, 'not_found', 'No heartbeat has this id.', { field: 'id' });
	return json(toHeartbeatView(heartbeat, Date.now()));
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
