import { getPriceCatalog } from '~/data/pricing';
import { env, getConfig } from './bindings';
import { createDatabaseRepo } from './db/database-repo';
import { createHeartbeatsRepo } from './db/heartbeats-repo';
import { checkHealth } from './health';

const BYTES_PER_GB = 1_000_000_000;

/** Most a D1 database may hold, from its sheet (content/pricing/database-cloudflare-d1.yaml), where it is sourced. */
export async function databaseLimitBytes(): Promise<number> {
	const d1 = (await getPriceCatalog()).database.find((sheet) => sheet.pricing === 'd1');
	if (!d1 || d1.pricing !== 'd1') throw new Error('content/pricing has no D1 limits sheet (pricing: d1)');
	return d1.rates.maxDatabaseGb * BYTES_PER_GB;
}

/** Health of this deployment, checked against its real bindings at time `now`. */
export async function checkSiteHealth(now: number) {
	return checkHealth({
		heartbeats: createHeartbeatsRepo(env.DB),
		database: createDatabaseRepo(env.DB),
		databaseLimitBytes: await databaseLimitBytes(),
		kv: env.CACHE,
		now: () => now,
		queueStaleAfterMs: getConfig().queueStaleAfterMs,
		version: __APP_VERSION__,
	});
}
