import type { AccessKey } from '~/lib/admin/access-jwt';

const base64Url = (bytes: Uint8Array) =>
	btoa(String.fromCharCode(...bytes))
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
const encodeJson = (value: object) => base64Url(new TextEncoder().encode(JSON.stringify(value)));

/** An RSA key pair like a Cloudflare Access team's: the public half as its certs endpoint lists it. */
export async function createAccessKeyPair(
	kid = 'k1',
): Promise<{ publicKey: AccessKey; privateKey: CryptoKey }> {
	const pair = await crypto.subtle.generateKey(
		{
			name: 'RSASSA-PKCS1-v1_5',
			modulusLength: 2048,
			publicExponent: new Uint8Array([1, 0, 1]),
			hash: 'SHA-256',
		},
		true,
		['sign', 'verify'],
	);
	return {
		publicKey: { ...(await crypto.subtle.exportKey('jwk', pair.publicKey)), kid },
		privateKey: pair.privateKey,
	};
}

/** A JWT signed as Access would sign it (RS256 unless the header says otherwise). */
export async function signAccessToken(
	privateKey: CryptoKey,
	payload: object,
	header: object = { alg: 'RS256', kid: 'k1' },
): Promise<string> {
	const unsigned = `${encodeJson(header)}.${encodeJson(payload)}`;
	const signature = await crypto.subtle.sign(
		'RSASSA-PKCS1-v1_5',
		privateKey,
		new TextEncoder().encode(unsigned),
	);
	return `${unsigned}.${base64Url(new Uint8Array(signature))}`;
}
