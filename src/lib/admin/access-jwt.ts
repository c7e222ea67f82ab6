/** A public key from Cloudflare Access's certs endpoint (`<team domain>/cdn-cgi/access/certs`). */
export interface AccessKey extends JsonWebKey {
	kid?: string;
}

export type AccessCheck = { ok: true; email: string } | { ok: false; reason: string };

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> =>
	Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

const decodeJson = (part: string): Record<string, unknown> =>
	JSON.parse(new TextDecoder().decode(fromBase64Url(part))) as Record<string, unknown>;

/**
 * Verifies a Cloudflare Access JWT (the `Cf-Access-Jwt-Assertion` header): RS256 signature by one
 * of the team's keys, issuer = the team domain, audience includes the application's AUD tag, and
 * not expired or not yet valid. Returns the signed-in email for the audit log.
 */
export async function verifyAccessJwt(
	token: string | null,
	expected: { teamDomain: string; audience: string; nowSeconds: number },
	keys: readonly AccessKey[],
): Promise<AccessCheck> {
	if (!token) return { ok: false, reason: 'no Access token' };
	const parts = token.split('.');
	if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
	const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
	let header: Record<string, unknown>;
	let payload: Record<string, unknown>;
	try {
		header = decodeJson(headerPart);
		payload = decodeJson(payloadPart);
	} catch {
		return { ok: false, reason: 'malformed token' };
	}
	if (header['alg'] !== 'RS256') return { ok: false, reason: 'unexpected algorithm' };
	const jwk = keys.find((key) => key.kid === header['kid']);
	if (!jwk) return { ok: false, reason: 'unknown signing key' };
	const key = await crypto.subtle.importKey(
		'jwk',
		jwk,
		{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
		false,
		['verify'],
	);
	const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
	if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, fromBase64Url(signaturePart), signed)))
		return { ok: false, reason: 'bad signature' };
	const audiences = Array.isArray(payload['aud']) ? payload['aud'] : [payload['aud']];
	if (payload['iss'] !== expected.teamDomain) return { ok: false, reason: 'wrong issuer' };
	if (!audiences.includes(expected.audience)) return { ok: false, reason: 'wrong audience' };
	if (typeof payload['exp'] !== 'number' || payload['exp'] <= expected.nowSeconds)
		return { ok: false, reason: 'expired' };
	if (typeof payload['nbf'] === 'number' && payload['nbf'] > expected.nowSeconds + 60)
		return { ok: false, reason: 'not yet valid' };
	const email = typeof payload['email'] === 'string' ? payload['email'] : String(payload['sub'] ?? 'access');
	return { ok: true, email };
}
