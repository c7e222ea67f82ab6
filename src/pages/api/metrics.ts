import type { APIRoute } from 'astro';
import { operationsMetrics } from '~/lib/metrics/operations-metrics';
import { renderPrometheus } from '~/lib/metrics/prometheus';
import { env } from '~/server/bindings';
import { createStatsRepo } from '~/server/db/stats-repo';
import { methodNotAllowed } from '~/lib/http/http-error';

export const prerender = false;

/** Operations metrics in Prometheus text format; operator credentials required (middleware). */
export const GET: APIRoute = async () => {
	const now = Date.now();
	const stats = await createStatsRepo(env.DB).read(now);
	return new Response(renderPrometheus(operationsMetrics(stats, now)), {
		headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
	});
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
