/** Header that carries the request id in and out of every response. */
export const REQUEST_ID_HEADER = 'x-request-id';

// Accept ids from upstream proxies and callers, but only in a shape that is safe to log
// and echo back (no spaces, quotes or control characters, bounded length).
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request id to use: the incoming one when it is well-formed, a fresh one otherwise.
 * @example resolveRequestId('abc12345-x', () => 'new') // => 'abc12345-x'
 * @example resolveRequestId('bad id!', () => 'new') // => 'new'
 */
export function resolveRequestId(incoming: string | null, generate: () => string): string {
	return incoming !== null && SAFE_REQUEST_ID.test(incoming) ? incoming : generate();
}
