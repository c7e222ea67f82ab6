import type { APIRoute } from 'astro';
import { operationsMetrics } from '~/lib/metrics/operations-metrics';
import { renderPrometheus } from '~/lib/metrics/prometheus';
import { env } from '~/server/bindings';
import { createDatabaseRepo } from '~/server/db/database-repo';
import { createStatsRepo } from '~/server/db/stats-repo';
import { databaseLimitBytes } from '~/server/site-health';
import { methodNotAllowed } from '~/lib/http/http-error';

export const prerender = false;

/** Operations metrics in Prometheus text format; operator credentials required (middleware). */
export const GET: APIRoute = async () => {
	const now = Date.now();
	const database = createDatabaseRepo(env.DB);
	const [stats, bytes, rows, limitBytes] = await Promise.all([
		createStatsRepo(env.DB).read(now),
		database.sizeBytes(),
		database.rowCounts(),
		databaseLimitBytes(),
	]);
	return new Response(
		renderPrometheus(operationsMetrics({ ...stats, database: { bytes, limitBytes, rows } }, now)),
		{
			headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
		},
	);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
