import { describe, expect, it } from 'vitest';
import { url } from './http';

const SECURITY_HEADERS = {
	'strict-transport-security': /max-age=\d{7,}/,
	'x-content-type-options': /^nosniff$/,
	'referrer-policy': /^strict-origin-when-cross-origin$/,
	'permissions-policy': /camera=\(\)/,
	'content-security-policy': /frame-ancestors 'none'/,
};

describe.each([
	['a static page', '/'],
	['an on-demand page', '/status'],
	['an API route', '/api/health'],
	['a static file', '/favicon.svg'],
	['the 404 page', '/no-such-page'],
])('every response: %s', (_name, path) => {
	it('carries the security headers', async () => {
		const response = await fetch(url(path));
		for (const [name, pattern] of Object.entries(SECURITY_HEADERS)) {
			expect(response.headers.get(name), name).toMatch(pattern);
		}
	});

	it('gets a fresh request id, or keeps a well-formed incoming one', async () => {
		const fresh = await fetch(url(path));
		expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const kept = await fetch(url(path), { headers: { 'x-request-id': 'trace-abc-123' } });
		expect(kept.headers.get('x-request-id')).toBe('trace-abc-123');
		const replaced = await fetch(url(path), { headers: { 'x-request-id': 'bad id <script>' } });
		expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('Content-Security-Policy', () => {
	it('allows scripts only by hash on on-demand pages, never unsafe-inline', async () => {
		const csp = (await fetch(url('/status'))).headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toContain('unsafe-inline');
	});

	it('puts the hashed policy in a meta tag on static pages', async () => {
		const html = await (await fetch(url('/'))).text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
		expect(meta).toContain("default-src 'self'");
		expect(meta).toContain('script-src');
		expect(meta).not.toContain('unsafe-inline');
	});
});
