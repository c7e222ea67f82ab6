import type { APIRoute } from 'astro';
import type { HeartbeatMessage } from '~/lib/queue/messages';
import { env, getConfig } from '~/server/bindings';
import { createHeartbeatsRepo } from '~/server/db/heartbeats-repo';
import { sendThrottledHeartbeat } from '~/server/heartbeats';
import { methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

export const prerender = false;

/** Sends a heartbeat through the jobs queue (at most one per interval) and says where to watch it. */
export const POST: APIRoute = async ({ url }) => {
	const { heartbeat, reused } = await sendThrottledHeartbeat(
		{
			heartbeats: createHeartbeatsRepo(env.DB),
			queue: env.JOBS as Queue<HeartbeatMessage>,
			now: Date.now(),
			newId: () => crypto.randomUUID(),
		},
		getConfig().heartbeatMinIntervalMs,
	);
	const statusUrl = new URL(`/api/heartbeats/${heartbeat.id}`, url).pathname;
	return json({ ...toHeartbeatView(heartbeat, Date.now()), reused, statusUrl }, 202, { location: statusUrl });
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
