import { equalInConstantTime } from '../bytes/equal-in-constant-time.ts';
import { toHex } from '../bytes/to-hex.ts';

/** The header that carries a webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-loadbearing-signature';

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
	const key = await crypto.subtle.importKey(
		'raw',
		encoder.encode(secret),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign'],
	);
	return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

/**
 * Signs a body for `X-Loadbearing-Signature`, Stripe-style: the timestamp is signed with the
 * body so a captured request cannot be replayed later with a new time.
 * @example await signPayload('secret', 1700000000, '{}') // => 't=1700000000,v1=<64 hex chars>'
 */
export async function signPayload(secret: string, timestampSeconds: number, body: string): Promise<string> {
	return `t=${timestampSeconds},v1=${await hmacHex(secret, `${timestampSeconds}.${body}`)}`;
}

export type SignatureCheck =
	{ ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/**
 * Checks a signature header against the body, refusing timestamps more than `toleranceSeconds`
 * away from `nowSeconds` (five minutes by default) to stop replays.
 */
export async function verifySignature(
	header: string | null,
	body: string,
	secret: string,
	nowSeconds: number,
	toleranceSeconds = 300,
): Promise<SignatureCheck> {
	if (!header) return { ok: false, reason: 'missing' };
	const parts = Object.fromEntries(
		header.split(',').map((part) => part.trim().split('=', 2) as [string, string]),
	);
	const timestamp = Number(parts['t']);
	const given = parts['v1'];
	if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given))
		return { ok: false, reason: 'malformed' };
	if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'expired' };
	const expected = await hmacHex(secret, `${timestamp}.${body}`);
	return equalInConstantTime(expected, given) ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
