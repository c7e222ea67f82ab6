import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';
import type { AuditEntry } from '~/server/db/audit-repo';
import { SIGN_IN_LIMIT, signInOperator } from '~/server/operator/sign-in';
import { VALID_VARS } from '../../fakes/config';

const config = parseAppConfig({
	...VALID_VARS,
	OPERATOR_TOKENS: 'ada:console-token-0123456789',
	METRICS_TOKEN: 'scrape-token',
	IP_HASH_SALT: 'salt',
});

function setup() {
	const counts = new Map<string, number>();
	const audit: AuditEntry[] = [];
	const deps = {
		config,
		now: 1_800_000_000_000,
		log: () => undefined,
		limits: {
			increment: async (key: string, windowStart: number) => {
				const next = (counts.get(`${key}@${windowStart}`) ?? 0) + 1;
				counts.set(`${key}@${windowStart}`, next);
				return next;
			},
			current: async (key: string, windowStart: number) => counts.get(`${key}@${windowStart}`) ?? 0,
		},
		audit: { entry: (entry: AuditEntry) => ({ run: async () => void audit.push(entry) }) as never },
	};
	return { deps, audit };
}
const request = (authorization?: string, ip = '198.51.100.5') =>
	new Request('https://example.com/admin', {
		headers: { 'cf-connecting-ip': ip, ...(authorization ? { authorization } : {}) },
	});

describe('operator sign-in', () => {
	it('lets the scraper token read the metrics and nothing else', async () => {
		const { deps } = setup();
		expect(await signInOperator(request('Bearer scrape-token'), '/api/metrics', deps)).toEqual({
			ok: true,
			actor: 'metrics-scraper',
		});
		expect(await signInOperator(request('Bearer scrape-token'), '/admin', deps)).toEqual({
			ok: false,
			status: 401,
		});
		expect(
			await signInOperator(request('Bearer console-token-0123456789'), '/api/metrics', deps),
		).toMatchObject({
			ok: true,
		});
	});

	it('audits a wrong credential, but not a visit that presents none', async () => {
		const { deps, audit } = setup();
		expect(await signInOperator(request(), '/admin', deps)).toEqual({ ok: false, status: 401 });
		expect(audit).toEqual([]);
		await signInOperator(request('Bearer guess'), '/admin', deps);
		expect(audit).toEqual([
			expect.objectContaining({ actor: 'anonymous', action: 'operator.sign-in-failed', target: '/admin' }),
		]);
		expect(audit[0]?.detail).not.toContain('198.51.100.5');
	});

	it('refuses every attempt from a network after too many failures, the right credential too', async () => {
		const { deps } = setup();
		for (let i = 0; i < SIGN_IN_LIMIT.max; i++)
			await signInOperator(request(`Bearer guess-${i}`), '/admin', deps);
		const blocked = await signInOperator(request('Bearer console-token-0123456789'), '/admin', deps);
		expect(blocked).toMatchObject({ ok: false, status: 429 });
		expect(
			await signInOperator(request('Bearer console-token-0123456789', '203.0.113.9'), '/admin', deps),
		).toMatchObject({
			ok: true,
		});
	});
});
