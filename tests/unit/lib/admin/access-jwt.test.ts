import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessJwt, type AccessKey } from '~/lib/admin/access-jwt';
import { createAccessKeyPair, signAccessToken } from '../../fakes/access-tokens';

const TEAM = 'https://loadbearing.cloudflareaccess.com';
const AUD = 'aud-tag-123';
const NOW = 1_800_000_000;

let keys: AccessKey[];
let privateKey: CryptoKey;
let otherPrivateKey: CryptoKey;

/** A token as Access would sign it, with any claims overridden. */
function sign(claims: object = {}, key = privateKey, header?: object) {
	const payload = {
		iss: TEAM,
		aud: [AUD],
		email: 'ops@loadbearing.dev',
		exp: NOW + 600,
		nbf: NOW - 10,
		...claims,
	};
	return signAccessToken(key, payload, header);
}

beforeAll(async () => {
	const pair = await createAccessKeyPair('k1');
	privateKey = pair.privateKey;
	otherPrivateKey = (await createAccessKeyPair('k2')).privateKey;
	keys = [pair.publicKey];
});

const verify = (token: string | null) =>
	verifyAccessJwt(token, { teamDomain: TEAM, audience: AUD, nowSeconds: NOW }, keys);

describe('verifyAccessJwt', () => {
	it('accepts a token signed by the team key for this application, and names the person', async () => {
		expect(await verify(await sign())).toEqual({ ok: true, email: 'ops@loadbearing.dev' });
	});

	it.each([
		['expired', { exp: NOW - 1 }, 'expired'],
		['for another application', { aud: ['other'] }, 'wrong audience'],
		['from another team', { iss: 'https://evil.cloudflareaccess.com' }, 'wrong issuer'],
		['not yet valid', { nbf: NOW + 3600 }, 'not yet valid'],
	])('refuses a token that is %s', async (_case, claims, reason) => {
		expect(await verify(await sign(claims))).toEqual({ ok: false, reason });
	});

	it('refuses a token signed by another key, an unknown key id, or another algorithm', async () => {
		expect(await verify(await sign({}, otherPrivateKey))).toEqual({ ok: false, reason: 'bad signature' });
		expect(await verify(await sign({}, privateKey, { alg: 'RS256', kid: 'k9' }))).toEqual({
			ok: false,
			reason: 'unknown signing key',
		});
		expect(await verify(await sign({}, privateKey, { alg: 'none', kid: 'k1' }))).toEqual({
			ok: false,
			reason: 'unexpected algorithm',
		});
	});

	it('refuses a missing or malformed token', async () => {
		expect(await verify(null)).toEqual({ ok: false, reason: 'no Access token' });
		expect(await verify('a.b')).toEqual({ ok: false, reason: 'malformed token' });
		expect(await verify('!!.??.xx')).toEqual({ ok: false, reason: 'malformed token' });
	});
});
