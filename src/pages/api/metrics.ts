import type { APIRoute } from 'astro';
import { operationsMetrics } from '~/lib/metrics/operations-metrics';
import { priceWatchMetrics } from '~/lib/metrics/price-watch-metrics';
import { priceWatchOverview } from '~/server/prices/overview';
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
	const [stats, bytes, rows, limitBytes, sheets] = await Promise.all([
		repos.stats.read(now),
		repos.database.sizeBytes(),
		repos.database.rowCounts(),
		catalog().then(databaseLimitBytes),
		priceWatchOverview({ catalog, prices: repos.prices }, now),
	]);
	const priceSheets = sheets.map(({ sheet, check, status }) => ({
		sheet: sheet.id,
		status,
		openDrift: check?.openPrice ?? 0,
		checkedAt: check?.checkedAt ?? null,
		manual: sheet.watch.kind === 'manual',
	}));
	return new Response(
		renderPrometheus([
			...operationsMetrics({ ...stats, database: { bytes, limitBytes, rows } }, now),
			...priceWatchMetrics(priceSheets, now),
		]),
		{
			headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
		},
	);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['GET']);
};
