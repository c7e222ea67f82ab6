import type { APIRoute } from 'astro';
import { createHeartbeatsRepo } from '~/server/db/heartbeats-repo';
import { env, getConfig } from '~/server/bindings';
import { checkHealth } from '~/server/health';
import { json, methodNotAllowed } from '~/server/http';

export const prerender = false;

/** Liveness for uptime monitors: 200 when D1 answers, 503 naming the failing check. */
export const GET: APIRoute = async () => {
	const { httpStatus, report } = await checkHealth({
		heartbeats: createHeartbeatsRepo(env.DB),
		kv: env.CACHE,
		now: () => Date.now(),
		queueStaleAfterMs: getConfig().queueStaleAfterMs,
		version: __APP_VERSION__,
	});
	return json(report, httpStatus);
};

export const ALL: APIRoute = ({ locals }) => methodNotAllowed(['GET'], locals.requestId);
