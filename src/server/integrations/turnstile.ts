/**
 * Asks Turnstile's siteverify endpoint (`url`: Cloudflare's, or the local mock) whether a widget
 * token is genuine. Network trouble counts as not passed.
 */
export async function verifyTurnstile(
	token: string | null,
	check: { secret: string; url: string; ip: string | null; timeoutMs: number },
	fetcher: typeof fetch,
): Promise<boolean> {
	if (!token) return false;
	const form = new URLSearchParams({
		secret: check.secret,
		response: token,
		...(check.ip ? { remoteip: check.ip } : {}),
	});
	try {
		const response = await fetcher(check.url, {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(check.timeoutMs),
		});
		const result = (await response.json()) as { success?: boolean };
		return result.success === true;
	} catch {
		return false;
	}
}
