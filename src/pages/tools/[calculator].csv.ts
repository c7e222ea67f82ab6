import type { APIRoute } from 'astro';
import { documentToCsv } from '~/lib/calculators/export';
import { calculatorDocument } from '~/server/reports/exports';
import { HttpError } from '~/lib/http/http-error';

export const prerender = false;

/** A calculator's result as CSV, for the same query string as its page. */
export const GET: APIRoute = async ({ params, url }) => {
	const document = await calculatorDocument(params.calculator, url);
	if (!document)
		throw new HttpError(404, 'not_found', 'No calculator by that name.', {
			field: 'calculator',
		});
	return new Response(documentToCsv(document), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${params.calculator}.csv"`,
		},
	});
};
