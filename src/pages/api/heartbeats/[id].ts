import type { APIRoute } from 'astro';
import { env } from '~/server/bindings';
import { createHeartbeatsRepo } from '~/server/db/heartbeats-repo';
import { json, methodNotAllowed, problem } from '~/server/http';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

export const prerender = false;

/** Whether a heartbeat has made it through the queue yet. */
export const GET: APIRoute = async ({ params, locals }) => {
	const heartbeat = params.id ? await createHeartbeatsRepo(env.DB).find(params.id) : null;
	if (!heartbeat)
		return problem(404, 'not_found', 'No heartbeat has this id.', locals.requestId, { field: 'id' });
	return json(toHeartbeatView(heartbeat, Date.now()));
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['GET'], locals.requestId);
