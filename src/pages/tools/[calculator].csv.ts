import type { APIRoute } from 'astro';
import { documentToCsv } from '~/lib/calculators/export';
import { calculatorDocument } from '~/server/calculator-exports';
import { problem } from '~/server/http';

export const prerender = false;

/** A calculator's result as CSV, for the same query string as its page. */
export const GET: APIRoute = async ({ params, url, locals }) => {
	const document = await calculatorDocument(params.calculator, url);
	if (!document)
		return problem(404, 'not_found', 'No calculator by that name.', locals.requestId, {
			field: 'calculator',
		});
	return new Response(documentToCsv(document), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${params.calculator}.csv"`,
		},
	});
};
