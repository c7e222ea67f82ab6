// Who may open operator paths, with failed sign-ins throttled per client network and audited.
// Only requests that present credentials count as attempts: a browser's first visit, before its
// sign-in prompt, is not a failure.
import { checkOperatorToken } from '~/lib/admin/operator-credentials';
import type { AppConfig } from '~/lib/config/app-config';
import { rateLimitWindow, retryAfterSeconds } from '~/lib/rate-limit';
import { authenticateOperator } from './auth';
import type { AuditRepo } from '../db/audit-repo';
import type { RateLimitsRepo } from '../db/rate-limits-repo';
import { clientKey } from '../http/rate-limit';

/** Failed sign-ins one client network may make per window before every attempt is refused. */
export const SIGN_IN_LIMIT = { max: 10, windowMs: 15 * 60_000 } as const;

export type SignIn =
	| { ok: true; actor: string }
	| { ok: false; status: 401 }
	| { ok: false; status: 429; retryAfterSeconds: number };

export interface SignInDeps {
	config: AppConfig;
	limits: Pick<RateLimitsRepo, 'increment' | 'current'>;
	audit: Pick<AuditRepo, 'entry'>;
	now: number;
	log: (line: Record<string, unknown>) => void;
}

/** Checks the credentials on a request for an operator path (`/admin…`, `/api/metrics`). */
export async function signInOperator(request: Request, path: string, deps: SignInDeps): Promise<SignIn> {
	const { headers } = request;
	const { admin } = deps.config;
	// The scraper's token opens the metrics and nothing else.
	if (path === '/api/metrics' && admin.metricsToken) {
		const scraper = checkOperatorToken(headers.get('authorization'), [
			{ name: 'metrics-scraper', token: admin.metricsToken },
		]);
		if (scraper.ok) return { ok: true, actor: 'metrics-scraper' };
	}
	const presented = headers.has('authorization') || headers.has('cf-access-jwt-assertion');
	const client = await clientKey('signin', headers.get('cf-connecting-ip'), deps.config.spam.ipHashSalt);
	const { windowStart, resetAt } = rateLimitWindow(deps.now, SIGN_IN_LIMIT.windowMs);
	if (presented && (await deps.limits.current(client, windowStart)) >= SIGN_IN_LIMIT.max)
		return { ok: false, status: 429, retryAfterSeconds: retryAfterSeconds(resetAt, deps.now) };
	const auth = await authenticateOperator(headers, admin, deps.now);
	if (auth.ok) return auth;
	deps.log({ level: 'warn', msg: 'operator sign-in refused', path, reason: auth.reason, presented });
	if (!presented) return { ok: false, status: 401 };
	// The check above reads the count; a failure only adds to it.
	await deps.limits.increment(client, windowStart, resetAt);
	await deps.audit
		.entry({
			at: deps.now,
			actor: 'anonymous',
			action: 'operator.sign-in-failed',
			target: path,
			detail: `${auth.reason}; client ${client.slice('signin:'.length, 'signin:'.length + 12)}`,
		})
		.run();
	return { ok: false, status: 401 };
}
