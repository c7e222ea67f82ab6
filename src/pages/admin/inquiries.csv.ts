import type { APIRoute } from 'astro';
import { spreadsheetSafe } from '~/lib/admin/spreadsheet-safe';
import { rowsToCsv } from '~/lib/format/csv';
import { requireOperator } from '~/server/operator/auth';

export const prerender = false;

/** The inquiries the console's search shows, as CSV (same `q` and `status`). */
export const GET: APIRoute = async ({ url, locals }) => {
	requireOperator(locals);
	const query = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const status = url.searchParams.get('status');
	const inquiries = await locals.services.repos.inquiries.search(
		query,
		status === 'received' || status === 'spam' ? status : null,
		10_000,
	);
	// Names, companies and messages are typed by visitors: never let them run as formulas.
	const rows = inquiries.map((inquiry) =>
		[
			inquiry.id,
			new Date(inquiry.createdAt).toISOString(),
			inquiry.status,
			inquiry.name ?? '',
			inquiry.email ?? '',
			inquiry.company ?? '',
			inquiry.projectType,
			inquiry.budget,
			inquiry.timeline,
			inquiry.message ?? '',
		].map(spreadsheetSafe),
	);
	const headers = [
		'id',
		'received',
		'status',
		'name',
		'email',
		'company',
		'project',
		'budget',
		'timeline',
		'message',
	];
	return new Response(rowsToCsv([headers, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="inquiries.csv"',
			'cache-control': 'no-store',
		},
	});
};
