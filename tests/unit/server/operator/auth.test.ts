import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessKey } from '~/lib/admin/access-jwt';
import { authenticateOperator, isOperatorPath } from '~/server/operator/auth';
import { createAccessKeyPair, signAccessToken } from '../../fakes/access-tokens';

const TEAM = 'https://team.cloudflareaccess.com';
const NOW_MS = 1_800_000_000_000;
let token: string;
let certs: { keys: AccessKey[] };

beforeAll(async () => {
	const { publicKey, privateKey } = await createAccessKeyPair('k1');
	certs = { keys: [publicKey] };
	token = await signAccessToken(privateKey, {
		iss: TEAM,
		aud: ['aud1'],
		email: 'ops@example.com',
		exp: NOW_MS / 1000 + 60,
	});
});

const fetchCerts = (async (input: string | URL | Request) => {
	expect(String(input)).toBe(`${TEAM}/cdn-cgi/access/certs`);
	return Response.json(certs);
}) as typeof fetch;

describe('authenticateOperator', () => {
	it('verifies the Access JWT when Access is configured, and then refuses the token', async () => {
		const admin = { tokens: [{ name: 'ada', token: 'tok' }], access: { teamDomain: TEAM, audience: 'aud1' } };
		const withJwt = new Headers({ 'cf-access-jwt-assertion': token });
		expect(await authenticateOperator(withJwt, admin, NOW_MS, fetchCerts)).toEqual({
			ok: true,
			actor: 'access:ops@example.com',
		});
		const withToken = new Headers({ authorization: 'Bearer tok' });
		expect(await authenticateOperator(withToken, admin, NOW_MS, fetchCerts)).toMatchObject({ ok: false });
	});

	it('accepts the token without Access, and nobody when neither is configured', async () => {
		const headers = new Headers({ authorization: 'Bearer tok' });
		const tokens = [{ name: 'ada', token: 'tok' }];
		expect(await authenticateOperator(headers, { tokens, access: undefined }, NOW_MS)).toEqual({
			ok: true,
			actor: 'token:ada',
		});
		expect(await authenticateOperator(headers, { tokens: [], access: undefined }, NOW_MS)).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/not configured/),
		});
	});
});

describe('isOperatorPath', () => {
	it('covers the console, its exports and the metrics, and nothing public', () => {
		for (const path of ['/admin', '/admin/jobs', '/admin/inquiries.csv', '/api/metrics'])
			expect(isOperatorPath(path), path).toBe(true);
		for (const path of ['/', '/administrator', '/api/jobs/job_1', '/reports/job_1', '/api/metrics-x'])
			expect(isOperatorPath(path), path).toBe(false);
	});
});
