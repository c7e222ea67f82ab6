// The HTML answer for a page request that fails with a client error (401, 403, 413, 429…): the
// reason in words, the request id to quote, and a way back. It is built here, not rendered by
// Astro, because it comes from the middleware; with no inline style (the CSP forbids it) it
// relies on the browser's own light or dark rendering.

import { escapeHtml } from '../format/html';

/** Headings for the statuses a page can answer with; others read "Request refused". */
const TITLES: Record<number, string> = {
	400: 'That request could not be read',
	401: 'Sign-in needed',
	403: 'Not allowed from here',
	404: 'Page not found',
	405: 'Not allowed on this page',
	409: 'That cannot be done now',
	413: 'That was too large',
	415: 'That format is not accepted',
	429: 'Too many requests',
	503: 'Busy for a moment',
};

/**
 * A small, complete HTML document for a failed page request.
 * @example errorPageHtml(429, 'Try again in 5 minutes.', 'req-1').includes('<title>Too many requests') // => true
 */
export function errorPageHtml(status: number, message: string, requestId: string): string {
	const title = TITLES[status] ?? 'Request refused';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Loadbearing</title>
</head>
<body>
<main>
<p>Error ${status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p>If you need help, quote request id <code>${escapeHtml(requestId)}</code>.</p>
<p><a href="/">Loadbearing home</a> · <a href="/status">Status</a></p>
</main>
</body>
</html>
`;
}
