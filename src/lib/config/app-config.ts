import { z } from 'zod';
import { parseOperatorTokens, type OperatorToken } from '../admin/operator-credentials.ts';
import { parseHostLimits, type HostLimit } from '../price-watch/host-policy.ts';
import { RETENTION_RULES, type RetentionDays } from '../retention.ts';

/** A whole number given as a string, as Worker `vars` always are. */
const wholeNumber = (example: string) =>
	z.string().regex(/^\d+$/, `expected a whole number, e.g. "${example}"`).transform(Number);

/** An optional URL: absent or empty means "not configured". */
const optionalUrl = z
	.string()
	.optional()
	.transform((value) => (value ? value : undefined))
	.pipe(z.url({ error: 'expected a full URL, e.g. "https://crm.example.com/hooks/leads"' }).optional());

const optionalText = z
	.string()
	.optional()
	.transform((value) => (value ? value : undefined));

/** Days to keep a kind of row; absent means the rule's default (src/lib/retention.ts). */
const retentionDays = (defaultDays: number) =>
	z
		.string()
		.regex(/^\d+$/, `expected a whole number of days, e.g. "${defaultDays}"`)
		.default(String(defaultDays))
		.transform(Number);

/** One setting per retention rule, e.g. SPAM_RETENTION_DAYS. */
const retentionSettings = Object.fromEntries(
	RETENTION_RULES.map((rule) => [
		rule.setting,
		retentionDays(rule.defaultDays).describe(`Days to keep ${rule.what}; default ${rule.defaultDays}`),
	]),
) as Record<(typeof RETENTION_RULES)[number]['setting'], ReturnType<typeof retentionDays>>;

/** Cloudflare's endpoint for checking a Turnstile token (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/). */
export const TURNSTILE_SITEVERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** The Worker's plain-text variables (wrangler.jsonc `vars`) and secrets (`wrangler secret put`, `.dev.vars`). */
export const AppConfigSchema = z.object({
	QUEUE_STALE_AFTER_SECONDS: wholeNumber('900').describe(
		'After how long without a consumed heartbeat /api/health calls the queue stale',
	),
	HEARTBEAT_MIN_INTERVAL_SECONDS: wholeNumber('10').describe(
		'Minimum gap between heartbeats sent through POST /api/heartbeats',
	),
	CRM_WEBHOOK_URL: optionalUrl.describe(
		'Where inquiries are sent as signed JSON; unset: CRM sync jobs fail with a clear error',
	),
	CRM_ERASE_URL: optionalUrl.describe(
		'Where a request to delete a lead is sent, signed, when a person asks us to erase their inquiries; unset: those jobs fail with a clear error',
	),
	CRM_SIGNING_SECRET: optionalText.describe('Secret for X-Loadbearing-Signature on CRM calls'),
	EMAIL_API_URL: optionalUrl.describe('Email-sending API that notifies the team of a new inquiry'),
	EMAIL_API_KEY: optionalText.describe('Bearer key for the email API'),
	NOTIFY_EMAIL_TO: optionalText.describe('Who is told about new inquiries, e.g. "team@loadbearing.dev"'),
	JOB_MAX_ATTEMPTS: wholeNumber('24').describe('Attempts before a job is dead'),
	RETRY_BASE_SECONDS: wholeNumber('2').describe(
		'First retry waits up to this long; each later one up to twice as long',
	),
	RETRY_MAX_SECONDS: wholeNumber('1800').describe('Longest wait between retries'),
	JOB_LEASE_SECONDS: wholeNumber('300').describe(
		'A running job attempt must end within this; the cron re-queues (or fails) one that does not',
	),
	OPERATOR_TOKENS: z
		.string()
		.optional()
		.transform((text, context) => {
			const parsed = parseOperatorTokens(text ?? '');
			if ('error' in parsed) {
				context.addIssue({ code: 'custom', message: parsed.error });
				return z.NEVER;
			}
			return parsed.tokens;
		})
		.describe(
			'Operators of /admin and /api/metrics, one token each (secret): "name:token" pairs separated by commas; each signs in with their name and token (basic auth) or the token as bearer, and the audit log names them; unset: only Cloudflare Access can let anyone in',
		),
	METRICS_TOKEN: optionalText.describe(
		'Bearer token that may read /api/metrics and nothing else (secret), for a Prometheus scraper',
	),
	ACCESS_TEAM_DOMAIN: optionalUrl.describe(
		'Cloudflare Access team domain, e.g. "https://loadbearing.cloudflareaccess.com"; with ACCESS_AUD, Access JWTs are verified instead of the token',
	),
	ACCESS_AUD: optionalText.describe(
		'Application audience (AUD) tag of the Access application guarding /admin',
	),
	OUTBOUND_TIMEOUT_MS: wholeNumber('10000').describe('Timeout for every call to an outside service'),
	FORM_TOKEN_SECRET: optionalText.describe('Signs the time-to-submit token on the contact form (secret)'),
	IP_HASH_SALT: optionalText.describe('Salt for hashing client IPs (secret); unset: no IP hash is stored'),
	TURNSTILE_SECRET_KEY: optionalText.describe(
		'Cloudflare Turnstile secret; when set, form posts must pass Turnstile',
	),
	TURNSTILE_SITE_KEY: optionalText.describe('Cloudflare Turnstile site key, rendered with the form'),
	TURNSTILE_VERIFY_URL: optionalUrl.describe(
		"Where Turnstile tokens are verified; unset: Cloudflare's siteverify (the local mock services stand in for it)",
	),
	PRICE_UPSTREAM_PROXY: optionalUrl.describe(
		'Where the price watch sends upstream requests instead, as <proxy>/<host>/<path> (the local mock services); unset: the upstreams themselves',
	),
	GITHUB_TOKEN: optionalText.describe(
		"Read-only GitHub token for the price watch's pricing-page checks (secret); unset: GitHub allows 60 requests an hour",
	),
	PRICE_WATCH_HOST_LIMITS: z
		.string()
		.optional()
		.transform((text, context) => {
			try {
				return parseHostLimits(text ?? '');
			} catch (error) {
				context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
				return z.NEVER;
			}
		})
		.describe(
			'Requests the price watch may make per upstream host, as host=requests/seconds, comma-separated, over its own (src/lib/price-watch/host-policy.ts); e.g. api.github.com=4000/3600 with a token',
		),
	MIN_SUBMIT_SECONDS: wholeNumber('3').describe('A form sent sooner than this after loading counts as spam'),
	RATE_LIMIT_MAX: wholeNumber('5').describe('Inquiries one client may send per window'),
	RATE_LIMIT_WINDOW_SECONDS: wholeNumber('600').describe('Length of the rate-limit window'),
	REPORT_LIMIT_MAX: wholeNumber('20').describe('Full reports one client may start per rate-limit window'),
	INQUIRIES_PER_MINUTE: wholeNumber('30').describe(
		'Inquiries the whole site accepts per minute, from everyone together; protects the CRM and the database',
	),
	REPORTS_PER_MINUTE: wholeNumber('60').describe(
		'Full reports the whole site starts per minute, from everyone together (each is about 25 D1 writes)',
	),
	...retentionSettings,
	REDACT_AFTER_DAYS: wholeNumber('365').describe(
		'Days after which the privacy cron removes the personal fields of an inquiry',
	),
});

/** Typed configuration, derived from the schema. */
export interface AppConfig {
	queueStaleAfterMs: number;
	heartbeatMinIntervalMs: number;
	crm: { url: string | undefined; eraseUrl: string | undefined; signingSecret: string | undefined };
	email: { url: string | undefined; apiKey: string | undefined; notifyTo: string | undefined };
	jobs: {
		maxAttempts: number;
		retryBaseMs: number;
		retryMaxMs: number;
		outboundTimeoutMs: number;
		leaseMs: number;
	};
	admin: {
		/** Each operator's own token; empty when only Cloudflare Access lets people in. */
		tokens: OperatorToken[];
		/** Reads /api/metrics only: a scraper never holds the console's credential. */
		metricsToken: string | undefined;
		/** Set when Cloudflare Access guards the console; its JWT is then verified instead of the token. */
		access: { teamDomain: string; audience: string } | undefined;
	};
	spam: {
		formTokenSecret: string | undefined;
		ipHashSalt: string | undefined;
		turnstileSecretKey: string | undefined;
		turnstileSiteKey: string | undefined;
		turnstileVerifyUrl: string;
		minSubmitSeconds: number;
		rateLimitMax: number;
		rateLimitWindowMs: number;
	};
	priceWatch: {
		upstreamProxy: string | undefined;
		githubToken: string | undefined;
		hostLimits: Record<string, HostLimit>;
	};
	/** Ceilings per client and for the whole site; counted exactly in D1 (docs/decisions/0006). */
	limits: {
		reportsPerClient: number;
		inquiriesPerMinute: number;
		reportsPerMinute: number;
	};
	/** Personal fields of inquiries older than this are removed by the daily privacy cron. */
	redactAfterMs: number;
	/** Days the daily cron keeps each kind of row a visitor can grow. */
	retentionDays: RetentionDays;
}

/**
 * Parses the Worker's variables once into typed configuration.
 * @throws Error naming every bad variable and what was expected, so a misconfigured
 * deploy fails loudly on its first request instead of misbehaving later.
 */
export function parseAppConfig(vars: object): AppConfig {
	const parsed = AppConfigSchema.safeParse(vars);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(
			`Invalid Worker configuration (wrangler.jsonc "vars" or secrets): ${problems.join('; ')}`,
		);
	}
	const c = parsed.data;
	// Half an Access setup would silently fall back to tokens; say which half is missing instead.
	if (Boolean(c.ACCESS_TEAM_DOMAIN) !== Boolean(c.ACCESS_AUD))
		throw new Error(
			`Invalid Worker configuration (wrangler.jsonc "vars" or secrets): ${c.ACCESS_AUD ? 'ACCESS_TEAM_DOMAIN' : 'ACCESS_AUD'}: Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD`,
		);
	return {
		queueStaleAfterMs: c.QUEUE_STALE_AFTER_SECONDS * 1000,
		heartbeatMinIntervalMs: c.HEARTBEAT_MIN_INTERVAL_SECONDS * 1000,
		crm: { url: c.CRM_WEBHOOK_URL, eraseUrl: c.CRM_ERASE_URL, signingSecret: c.CRM_SIGNING_SECRET },
		email: { url: c.EMAIL_API_URL, apiKey: c.EMAIL_API_KEY, notifyTo: c.NOTIFY_EMAIL_TO },
		jobs: {
			maxAttempts: c.JOB_MAX_ATTEMPTS,
			retryBaseMs: c.RETRY_BASE_SECONDS * 1000,
			retryMaxMs: c.RETRY_MAX_SECONDS * 1000,
			outboundTimeoutMs: c.OUTBOUND_TIMEOUT_MS,
			leaseMs: c.JOB_LEASE_SECONDS * 1000,
		},
		admin: {
			tokens: c.OPERATOR_TOKENS,
			metricsToken: c.METRICS_TOKEN,
			access:
				c.ACCESS_TEAM_DOMAIN && c.ACCESS_AUD
					? { teamDomain: c.ACCESS_TEAM_DOMAIN.replace(/\/$/, ''), audience: c.ACCESS_AUD }
					: undefined,
		},
		spam: {
			formTokenSecret: c.FORM_TOKEN_SECRET,
			ipHashSalt: c.IP_HASH_SALT,
			turnstileSecretKey: c.TURNSTILE_SECRET_KEY,
			turnstileSiteKey: c.TURNSTILE_SITE_KEY,
			turnstileVerifyUrl: c.TURNSTILE_VERIFY_URL ?? TURNSTILE_SITEVERIFY_URL,
			minSubmitSeconds: c.MIN_SUBMIT_SECONDS,
			rateLimitMax: c.RATE_LIMIT_MAX,
			rateLimitWindowMs: c.RATE_LIMIT_WINDOW_SECONDS * 1000,
		},
		priceWatch: {
			upstreamProxy: c.PRICE_UPSTREAM_PROXY,
			githubToken: c.GITHUB_TOKEN,
			hostLimits: c.PRICE_WATCH_HOST_LIMITS,
		},
		limits: {
			reportsPerClient: c.REPORT_LIMIT_MAX,
			inquiriesPerMinute: c.INQUIRIES_PER_MINUTE,
			reportsPerMinute: c.REPORTS_PER_MINUTE,
		},
		redactAfterMs: c.REDACT_AFTER_DAYS * 24 * 60 * 60 * 1000,
		retentionDays: Object.fromEntries(
			RETENTION_RULES.map((rule) => [rule.id, c[rule.setting]]),
		) as RetentionDays,
	};
}
