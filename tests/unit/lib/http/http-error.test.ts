import { describe, expect, it } from 'vitest';
import { badRequest, HttpError, methodNotAllowed, rateLimited } from '~/lib/http/http-error';

describe('HTTP errors a route throws', () => {
	it('carry the status, code, message and field the problem body shows', () => {
		const error = badRequest('Give an email address.', 'email');
		expect(error).toBeInstanceOf(HttpError);
		expect([error.status, error.code, error.message, error.options.field]).toEqual([
			400,
			'bad_request',
			'Give an email address.',
			'email',
		]);
	});

	it('list the allowed methods in a 405 and the wait in a 429, as headers too', () => {
		expect(methodNotAllowed(['GET', 'HEAD']).options.headers).toEqual({ allow: 'GET, HEAD' });
		const limited = rateLimited('reports', 30);
		expect(limited.message).toBe('Too many reports; try again in 30 seconds.');
		expect(limited.options.headers).toEqual({ 'retry-after': '30' });
	});
});
