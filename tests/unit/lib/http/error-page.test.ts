import { describe, expect, it } from 'vitest';
import { errorPageHtml } from '~/lib/http/error-page';

describe('errorPageHtml', () => {
	it('says what went wrong in words, with the request id to quote', () => {
		const html = errorPageHtml(429, 'Try again in 5 minutes.', 'req-123');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<title>Too many requests · Loadbearing</title>');
		expect(html).toContain('<p>Try again in 5 minutes.</p>');
		expect(html).toContain('<code>req-123</code>');
	});

	it('escapes the message, so nothing a request carries can become markup', () => {
		const html = errorPageHtml(400, '<script>alert("x")</script>', '"><img>');
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<img>');
		expect(html).toContain('&lt;script&gt;');
	});

	it('has a plain heading for a status it does not know', () => {
		expect(errorPageHtml(418, 'No.', 'r')).toContain('<h1>Request refused</h1>');
	});
});
