/** Asks Cloudflare Turnstile whether a widget token is genuine. Network trouble counts as not passed. */
export async function verifyTurnstile(
	token: string | null,
	secret: string,
	ip: string | null,
	timeoutMs: number,
	fetcher: typeof fetch = fetch,
): Promise<boolean> {
	if (!token) return false;
	const form = new URLSearchParams({ secret, response: token, ...(ip ? { remoteip: ip } : {}) });
	try {
		const response = await fetcher('https://challenges.cloudflare.com/turnstile/v0/siteverify', {
			method: 'POST',
			body: form,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const result = (await response.json()) as { success?: boolean };
		return result.success === true;
	} catch {
		return false;
	}
}
