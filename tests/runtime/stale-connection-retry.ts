// Setup for runtime tests. queryD1 runs `wrangler d1 execute` synchronously, which blocks the
// event loop for a second or two; meanwhile the test server closes idle keep-alive connections
// and fetch may then reuse a dead one ("other side closed") before it notices. The server never
// saw that request, so it is sent once more on a fresh connection, as browsers do.
const originalFetch = globalThis.fetch;

const isStaleConnection = (error: unknown) =>
	error instanceof TypeError &&
	(error.cause as { code?: string } | undefined)?.code === 'UND_ERR_SOCKET' &&
	/other side closed/.test(String((error.cause as Error).message));

globalThis.fetch = async (input, init) => {
	try {
		return await originalFetch(input, init);
	} catch (error) {
		if (!isStaleConnection(error)) throw error;
		return originalFetch(input, init);
	}
};
