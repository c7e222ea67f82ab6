import type { APIRoute } from 'astro';
import { buildReport } from '~/server/calculator-reports';
import { reportToMarkdown } from '~/lib/calculators/report';
import { problem } from '~/server/http';

export const prerender = false;

/** A calculator's result as Markdown, for copy-as-Markdown and for readers without JavaScript. */
export const GET: APIRoute = async ({ params, url, locals }) => {
	const report = await buildReport(params.calculator ?? '', url);
	if (!report)
		return problem(404, 'not_found', 'No calculator by that name.', locals.requestId, {
			field: 'calculator',
		});
	return new Response(reportToMarkdown(report), {
		headers: { 'content-type': 'text/markdown; charset=utf-8' },
	});
};
