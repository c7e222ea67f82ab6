import { equalInConstantTime } from '../bytes/equal-in-constant-time.ts';

/** One operator's own sign-in token, named so the audit log says who acted. */
export interface OperatorToken {
	name: string;
	token: string;
}

/** Who an accepted credential belongs to, for the audit log. */
export type OperatorCheck = { ok: true; actor: string } | { ok: false };

const OPERATOR_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
/** Shorter tokens could be guessed within the sign-in throttle's lifetime budget. */
export const MIN_OPERATOR_TOKEN_LENGTH = 20;

/**
 * Reads OPERATOR_TOKENS: `name:token` pairs separated by commas or line breaks, one per person.
 * An error names the entry by position and name, never by its token.
 * @example parseOperatorTokens('ada:0123456789abcdefghij') // => { tokens: [{ name: 'ada', token: '0123456789abcdefghij' }] }
 */
export function parseOperatorTokens(text: string): { tokens: OperatorToken[] } | { error: string } {
	const entries = text
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean);
	const tokens: OperatorToken[] = [];
	for (const [index, entry] of entries.entries()) {
		const colon = entry.indexOf(':');
		const name = colon < 0 ? '' : entry.slice(0, colon).trim();
		const token = colon < 0 ? '' : entry.slice(colon + 1).trim();
		const which = `entry ${index + 1}${OPERATOR_NAME.test(name) ? ` (${name})` : ''}`;
		if (!OPERATOR_NAME.test(name))
			return { error: `${which} must be "name:token", the name letters, digits, ".", "_", "@" or "-"` };
		if (token.length < MIN_OPERATOR_TOKEN_LENGTH)
			return { error: `${which}: the token must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters` };
		if (tokens.some((other) => other.name === name)) return { error: `${which}: the name is used twice` };
		if (tokens.some((other) => other.token === token))
			return { error: `${which}: two operators share a token, so the audit log could not tell them apart` };
		tokens.push({ name, token });
	}
	return { tokens };
}

/** The operator whose token this is; every token is compared, so timing does not say which. */
function ownerOf(presented: string, tokens: readonly OperatorToken[]): OperatorToken | undefined {
	let owner: OperatorToken | undefined;
	for (const candidate of tokens) if (equalInConstantTime(presented, candidate.token)) owner = candidate;
	return owner;
}

/**
 * Checks an Authorization header against the operators' tokens: `Bearer <token>`, or basic auth
 * with the operator's name as user and their token as password (so a browser's sign-in prompt
 * works). The actor is the token's owner; a basic-auth user name must be that owner's, so nobody
 * signs in under another's name.
 * @example checkOperatorToken('Bearer 0123456789abcdefghij', [{ name: 'ada', token: '0123456789abcdefghij' }]) // => { ok: true, actor: 'token:ada' }
 */
export function checkOperatorToken(
	authorization: string | null,
	tokens: readonly OperatorToken[],
): OperatorCheck {
	if (!authorization || tokens.length === 0) return { ok: false };
	const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
	if (scheme?.toLowerCase() === 'bearer') {
		const owner = ownerOf(value, tokens);
		return owner ? { ok: true, actor: `token:${owner.name}` } : { ok: false };
	}
	if (scheme?.toLowerCase() !== 'basic') return { ok: false };
	let decoded: string;
	try {
		decoded = new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)));
	} catch {
		return { ok: false };
	}
	const colon = decoded.indexOf(':');
	if (colon < 0) return { ok: false };
	const owner = ownerOf(decoded.slice(colon + 1), tokens);
	return owner && owner.name === decoded.slice(0, colon).trim()
		? { ok: true, actor: `token:${owner.name}` }
		: { ok: false };
}
