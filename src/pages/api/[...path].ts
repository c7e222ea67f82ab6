import type { APIRoute } from 'astro';
import { problem } from '~/server/http';

export const prerender = false;

/** Unknown API paths answer in JSON, like the rest of the API, rather than with the HTML 404 page. */
export const ALL: APIRoute = ({ locals, url }) =>
	problem(404, 'not_found', `There is no API endpoint at ${url.pathname}.`, locals.requestId);
