/** Headers every response carries, whatever produced it (page, API route or static file). */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
	// Two years, as hstspreload.org recommends; browsers ignore it over plain http.
	'strict-transport-security': 'max-age=63072000; includeSubDomains',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
};

/** Policy for responses that are not HTML: they should never load or run anything. */
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Directives added to HTML responses as an HTTP header. Script and style hashes live in
 * the policy Astro writes (a `<meta>` tag on static pages, a header on on-demand ones);
 * `frame-ancestors` only works in a header, so it is always sent here.
 */
const HTML_HEADER_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

/**
 * The Content-Security-Policy header value for a response.
 * Keeps a policy the page already set and makes sure it forbids framing.
 * @example contentSecurityPolicyFor('application/json', null) // => "default-src 'none'; frame-ancestors 'none'"
 */
export function contentSecurityPolicyFor(contentType: string | null, existing: string | null): string {
	if (existing) {
		return /(^|;)\s*frame-ancestors\s/.test(existing)
			? existing
			: `${existing.replace(/;\s*$/, '')}; frame-ancestors 'none'`;
	}
	return contentType?.startsWith('text/html') ? HTML_HEADER_CSP : NON_HTML_CSP;
}
