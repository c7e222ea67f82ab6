import type { APIRoute } from 'astro';
import { operationsMetrics } from '~/lib/metrics/operations-metrics';
import { renderPrometheus } from '~/lib/metrics/prometheus';
import { requireOperator } from '~/server/operator/auth';
import { databaseLimitBytes } from '~/server/services';
import { methodNotAllowed } from '~/lib/http/http-error';

export const prerender = false;

/** Operations metrics in Prometheus text format; operator credentials required (middleware). */
export const GET: APIRoute = async ({ locals }) => {
	requireOperator(locals);
	const now = Date.now();
	const { repos, catalog } = locals.services;
	const [stats, bytes, rows, limitBytes] = await Promise.all([
		repos.stats.read(now),
		repos.database.sizeBytes(),
		repos.database.rowCounts(),
		catalog().then(databaseLimitBytes),
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
