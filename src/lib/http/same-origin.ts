const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that changes state came from another site's page (a CSRF attempt).
 * Browsers send `Origin` (and `Sec-Fetch-Site`) on every cross-origin POST, whatever its
 * content type; requests without them come from servers and scripts, which CSRF cannot forge.
 * @example isCrossSiteWrite({ method: 'POST', origin: 'https://evil.test', secFetchSite: null, requestOrigin: 'https://loadbearing.dev' }) // => true
 * @example isCrossSiteWrite({ method: 'POST', origin: null, secFetchSite: null, requestOrigin: 'https://loadbearing.dev' }) // => false
 */
export function isCrossSiteWrite(request: {
	method: string;
	origin: string | null;
	secFetchSite: string | null;
	requestOrigin: string;
}): boolean {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
	if (request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site') return true;
	return request.origin !== null && request.origin !== request.requestOrigin;
}
