import { describe, expect, it } from 'vitest';
import { BASELINE_SECURITY_HEADERS, contentSecurityPolicyFor } from '~/lib/http/security-headers';

describe('BASELINE_SECURITY_HEADERS', () => {
	it('includes HSTS, nosniff, a referrer policy and a permissions policy', () => {
		expect(BASELINE_SECURITY_HEADERS['strict-transport-security']).toMatch(/max-age=63072000/);
		expect(BASELINE_SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
		expect(BASELINE_SECURITY_HEADERS['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(BASELINE_SECURITY_HEADERS['permissions-policy']).toContain('camera=()');
	});
});

describe('contentSecurityPolicyFor', () => {
	it('locks non-HTML responses down completely', () => {
		expect(contentSecurityPolicyFor('application/json', null)).toBe(
			"default-src 'none'; frame-ancestors 'none'",
		);
		expect(contentSecurityPolicyFor(null, null)).toBe("default-src 'none'; frame-ancestors 'none'");
	});

	it('lets a script that runs as a Web Worker fetch same-origin data and run WebAssembly, nothing more', () => {
		const csp = contentSecurityPolicyFor('text/javascript; charset=utf-8', null);
		expect(csp).toContain("default-src 'self'");
		expect(csp).toContain("'wasm-unsafe-eval'");
		expect(csp).not.toContain('unsafe-inline');
	});

	it('forbids framing of static HTML while leaving scripts to the hashed meta policy', () => {
		const csp = contentSecurityPolicyFor('text/html; charset=utf-8', null);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('script-src');
	});

	it('adds frame-ancestors to a policy the page already sent, keeping its hashes', () => {
		const existing = "script-src 'self' 'sha256-abc'; style-src 'self';";
		expect(contentSecurityPolicyFor('text/html', existing)).toBe(
			"script-src 'self' 'sha256-abc'; style-src 'self'; frame-ancestors 'none'",
		);
	});

	it('leaves a policy that already sets frame-ancestors alone', () => {
		const existing = "default-src 'self'; frame-ancestors 'self'";
		expect(contentSecurityPolicyFor('text/html', existing)).toBe(existing);
	});
});
