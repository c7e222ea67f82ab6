import type { APIRoute } from 'astro';
import { sendThrottledHeartbeat } from '~/server/health/heartbeats';
import { methodNotAllowed } from '~/lib/http/http-error';
import { json } from '~/server/http/responses';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

export const prerender = false;

/** Sends a heartbeat through the jobs queue (at most one per interval) and says where to watch it. */
export const POST: APIRoute = async ({ url, locals }) => {
	const { repos, queue, config } = locals.services;
	const { heartbeat, reused } = await sendThrottledHeartbeat(
		{
			heartbeats: repos.heartbeats,
			queue,
			now: Date.now(),
			newId: () => crypto.randomUUID(),
		},
		config.heartbeatMinIntervalMs,
	);
	const statusUrl = new URL(`/api/heartbeats/${heartbeat.id}`, url).pathname;
	return json({ ...toHeartbeatView(heartbeat, Date.now()), reused, statusUrl }, 202, { location: statusUrl });
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
