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

/** Policy for responses that are neither HTML nor scripts: they should never load or run anything. */
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * A script's own CSP header governs it only when it runs as a Web Worker (Pagefind's search
 * worker): same-origin fetches and WebAssembly, nothing else.
 */
const SCRIPT_CSP =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; frame-ancestors 'none'";

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
	if (contentType?.startsWith('text/html')) return HTML_HEADER_CSP;
	if (contentType !== null && /^(text|application)\/javascript/.test(contentType)) return SCRIPT_CSP;
	return NON_HTML_CSP;
}
