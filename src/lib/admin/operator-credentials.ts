import { equalInConstantTime } from '../bytes/equal-in-constant-time.ts';

/** Who an accepted credential belongs to, for the audit log. */
export type OperatorCheck = { ok: true; actor: string } | { ok: false };

/**
 * Checks an Authorization header against the operator token: `Bearer <token>`, or basic auth
 * with the token as password (so a browser's sign-in prompt works). The basic-auth user name is
 * recorded as who acted; a bearer token acts as "token".
 * @example checkOperatorToken('Bearer s3cret', 's3cret') // => { ok: true, actor: 'token' }
 */
export function checkOperatorToken(authorization: string | null, token: string | undefined): OperatorCheck {
	if (!authorization || !token) return { ok: false };
	const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
	if (scheme?.toLowerCase() === 'bearer')
		return equalInConstantTime(value, token) ? { ok: true, actor: 'token' } : { ok: false };
	if (scheme?.toLowerCase() !== 'basic') return { ok: false };
	let decoded: string;
	try {
		decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
	} catch {
		return { ok: false };
	}
	const colon = decoded.indexOf(':');
	if (colon < 0) return { ok: false };
	const user = decoded.slice(0, colon).trim();
	return equalInConstantTime(decoded.slice(colon + 1), token)
		? { ok: true, actor: user ? `basic:${user}` : 'basic' }
		: { ok: false };
}
