import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';
import { VALID_VARS } from '../../fakes/config';

const valid = VALID_VARS;

describe('parseAppConfig', () => {
	it('turns the string vars into typed settings in milliseconds', () => {
		expect(parseAppConfig(valid)).toEqual({
			queueStaleAfterMs: 900_000,
			heartbeatMinIntervalMs: 10_000,
			crm: { url: undefined, eraseUrl: undefined, signingSecret: undefined },
			email: { url: undefined, apiKey: undefined, notifyTo: undefined },
			jobs: {
				maxAttempts: 8,
				retryBaseMs: 2000,
				retryMaxMs: 600_000,
				outboundTimeoutMs: 10_000,
				leaseMs: 300_000,
			},
			admin: { tokens: [], metricsToken: undefined, access: undefined },
			spam: {
				formTokenSecret: undefined,
				ipHashSalt: undefined,
				turnstileSecretKey: undefined,
				turnstileSiteKey: undefined,
				turnstileVerifyUrl: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
				minSubmitSeconds: 3,
				rateLimitMax: 5,
				rateLimitWindowMs: 600_000,
			},
			limits: { reportsPerClient: 20, inquiriesPerMinute: 30, reportsPerMinute: 60 },
			priceWatch: { upstreamProxy: undefined, githubToken: undefined, hostLimits: {} },
			redactAfterMs: 30 * 86_400_000,
			retentionDays: {
				'finished-reports': 30,
				'finished-price-checks': 45,
				'finished-job-attempts': 90,
				heartbeats: 7,
				'webhook-events': 90,
				spam: 30,
				'replayed-dead-letters': 30,
			},
		});
	});

	it('verifies Cloudflare Access when both the team domain and the audience are set', () => {
		const both = { ACCESS_TEAM_DOMAIN: 'https://team.cloudflareaccess.com/', ACCESS_AUD: 'aud123' };
		expect(parseAppConfig({ ...valid, ...both }).admin.access).toEqual({
			teamDomain: 'https://team.cloudflareaccess.com',
			audience: 'aud123',
		});
		expect(parseAppConfig(valid).admin.access).toBeUndefined();
		expect(() => parseAppConfig({ ...valid, ACCESS_TEAM_DOMAIN: 'team' })).toThrow(/ACCESS_TEAM_DOMAIN/);
	});

	it('ignores bindings and unrelated variables', () => {
		expect(() => parseAppConfig({ ...valid, DB: {}, OTHER: 'x' })).not.toThrow();
	});

	it('names the variable and the expected format when a value is wrong', () => {
		expect(() => parseAppConfig({ ...valid, QUEUE_STALE_AFTER_SECONDS: '15m' })).toThrow(
			/QUEUE_STALE_AFTER_SECONDS: expected a whole number/,
		);
	});

	it('names a missing variable', () => {
		const { HEARTBEAT_MIN_INTERVAL_SECONDS: _omitted, ...rest } = valid;
		expect(() => parseAppConfig(rest)).toThrow(/HEARTBEAT_MIN_INTERVAL_SECONDS/);
	});

	it('reads integration URLs, and calls a malformed one out by name', () => {
		expect(parseAppConfig({ ...valid, CRM_WEBHOOK_URL: 'http://127.0.0.1:4490/crm/leads' }).crm.url).toBe(
			'http://127.0.0.1:4490/crm/leads',
		);
		expect(() => parseAppConfig({ ...valid, CRM_WEBHOOK_URL: 'crm.example.com' })).toThrow(
			/CRM_WEBHOOK_URL: expected a full URL/,
		);
	});

	it("reads each operator's token, and names a malformed entry without echoing its token", () => {
		const tokens = 'ada:ada-token-0123456789abc, grace:grace-token-0123456789a';
		expect(parseAppConfig({ ...valid, OPERATOR_TOKENS: tokens }).admin.tokens.map((t) => t.name)).toEqual([
			'ada',
			'grace',
		]);
		expect(() => parseAppConfig({ ...valid, OPERATOR_TOKENS: 'ada:too-short-secret' })).toThrow(
			/^(?!.*too-short-secret).*OPERATOR_TOKENS: entry 1 \(ada\): the token must be at least 20 characters/,
		);
	});

	it("reads the price watch's per-host limits, and names an entry written wrong", () => {
		expect(
			parseAppConfig({ ...valid, PRICE_WATCH_HOST_LIMITS: 'api.github.com=4000/3600, models.dev=1/5' })
				.priceWatch.hostLimits,
		).toEqual({
			'api.github.com': { maxRequests: 4000, windowMs: 3_600_000 },
			'models.dev': { maxRequests: 1, windowMs: 5_000 },
		});
		expect(() => parseAppConfig({ ...valid, PRICE_WATCH_HOST_LIMITS: 'models.dev=fast' })).toThrow(
			/PRICE_WATCH_HOST_LIMITS: "models.dev=fast" is not host=requests\/seconds/,
		);
	});

	it('refuses half a Cloudflare Access setup instead of quietly falling back to tokens', () => {
		expect(() => parseAppConfig({ ...valid, ACCESS_AUD: 'aud-tag' })).toThrow(
			/ACCESS_TEAM_DOMAIN: Cloudflare Access needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD/,
		);
		expect(() =>
			parseAppConfig({ ...valid, ACCESS_TEAM_DOMAIN: 'https://team.cloudflareaccess.com' }),
		).toThrow(/ACCESS_AUD: Cloudflare Access needs both/);
	});
});
