import { HttpError } from '~/lib/http/http-error';
import { verifyAccessJwt, type AccessKey } from '~/lib/admin/access-jwt';
import { checkOperatorToken } from '~/lib/admin/operator-credentials';
import type { AppConfig } from '~/lib/config/app-config';

/** Paths only the operator may open. */
export const isOperatorPath = (path: string): boolean =>
	path === '/admin' || path.startsWith('/admin/') || path.startsWith('/admin.') || path === '/api/metrics';

let cachedKeys: { teamDomain: string; keys: AccessKey[]; until: number } | undefined;

/** The team's Access signing keys, kept for ten minutes per isolate (Access rotates them rarely). */
async function accessKeys(teamDomain: string, now: number, fetcher: typeof fetch): Promise<AccessKey[]> {
	if (cachedKeys?.teamDomain === teamDomain && cachedKeys.until > now) return cachedKeys.keys;
	const response = await fetcher(`${teamDomain}/cdn-cgi/access/certs`);
	if (!response.ok) throw new Error(`Access certs answered ${response.status}`);
	const { keys } = (await response.json()) as { keys: AccessKey[] };
	cachedKeys = { teamDomain, keys, until: now + 10 * 60_000 };
	return keys;
}

/**
 * Who is asking, if they may: with Cloudflare Access configured its JWT is verified (and the
 * tokens are not accepted); otherwise an operator's own token (OPERATOR_TOKENS). With
 * neither configured nobody gets in.
 */
export async function authenticateOperator(
	headers: Headers,
	admin: Pick<AppConfig['admin'], 'tokens' | 'access'>,
	now: number,
	fetcher: typeof fetch = fetch,
): Promise<{ ok: true; actor: string } | { ok: false; reason: string }> {
	if (admin.access) {
		const keys = await accessKeys(admin.access.teamDomain, now, fetcher);
		const check = await verifyAccessJwt(
			headers.get('cf-access-jwt-assertion'),
			{ ...admin.access, nowSeconds: Math.floor(now / 1000) },
			keys,
		);
		return check.ok ? { ok: true, actor: `access:${check.email}` } : check;
	}
	if (admin.tokens.length === 0)
		return { ok: false, reason: 'the operator console is not configured (OPERATOR_TOKENS)' };
	const check = checkOperatorToken(headers.get('authorization'), admin.tokens);
	return check.ok ? check : { ok: false, reason: 'missing or wrong credentials' };
}

/**
 * The signed-in operator, or a 401: every operator page and endpoint calls this first, so a path
 * the middleware's prefix test ever misses fails closed instead of opening the console.
 */
export function requireOperator(locals: Pick<App.Locals, 'operator'>): string {
	if (!locals.operator) throw new HttpError(401, 'unauthorized', 'Operator credentials are required.');
	return locals.operator;
}
