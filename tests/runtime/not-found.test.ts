import { describe, expect, it } from 'vitest';
import { url } from './http';

describe('unknown paths', () => {
	it('show the 404 page with a 404 status', async () => {
		const response = await fetch(url('/this/does/not/exist'));
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toContain('text/html');
		const html = await response.text();
		expect(html).toMatch(/<h1[^>]*>Page not found<\/h1>/);
		expect(html).toContain('href="/"');
	});

	it('under /api/ answer with a JSON problem instead of HTML', async () => {
		const response = await fetch(url('/api/nothing-here'), { headers: { 'x-request-id': 'req-404-test' } });
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({
			error: {
				code: 'not_found',
				message: 'There is no API endpoint at /api/nothing-here.',
				requestId: 'req-404-test',
			},
		});
	});
});
