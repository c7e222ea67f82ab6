import type { APIRoute } from 'astro';
import { documentToMarkdown } from '~/lib/calculators/export';
import { calculatorDocument } from '~/server/reports/exports';
import { HttpError } from '~/lib/http/http-error';

export const prerender = false;

/** A calculator's result as Markdown, for copy-as-Markdown and for readers without JavaScript. */
export const GET: APIRoute = async ({ params, url }) => {
	const document = await calculatorDocument(params.calculator, url);
	if (!document)
		throw new HttpError(404, 'not_found', 'No calculator by that name.', {
			field: 'calculator',
		});
	return new Response(documentToMarkdown(document), {
		headers: { 'content-type': 'text/markdown; charset=utf-8' },
	});
};
