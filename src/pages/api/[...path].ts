import type { APIRoute } from 'astro';
import { HttpError } from '~/lib/http/http-error';

export const prerender = false;

/** Unknown API paths answer in JSON, like the rest of the API, rather than with the HTML 404 page. */
export const ALL: APIRoute = ({ url }) => {
	throw new HttpError(404, 'not_found', `There is no API endpoint at ${url.pathname}.`);
};
