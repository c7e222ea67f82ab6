import { env, getConfig } from './bindings';
import { createHeartbeatsRepo } from './db/heartbeats-repo';
import { checkHealth } from './health';

/** Health of this deployment, checked against its real bindings at time `now`. */
export function checkSiteHealth(now: number) {
	return checkHealth({
		heartbeats: createHeartbeatsRepo(env.DB),
		kv: env.CACHE,
		now: () => now,
		queueStaleAfterMs: getConfig().queueStaleAfterMs,
		version: __APP_VERSION__,
	});
}
