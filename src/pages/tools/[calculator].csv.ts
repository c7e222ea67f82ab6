import type { APIRoute } from 'astro';
import { buildReport } from '~/server/calculator-reports';
import { reportToCsv } from '~/lib/calculators/report';
import { problem } from '~/server/http';

export const prerender = false;

/** A calculator's result as CSV, for the same query string as its page. */
export const GET: APIRoute = async ({ params, url, locals }) => {
	const report = await buildReport(params.calculator ?? '', url);
	if (!report)
		return problem(404, 'not_found', 'No calculator by that name.', locals.requestId, {
			field: 'calculator',
		});
	return new Response(reportToCsv(report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${params.calculator}.csv"`,
		},
	});
};
