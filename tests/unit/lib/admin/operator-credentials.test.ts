import { describe, expect, it } from 'vitest';
import { checkOperatorToken, parseOperatorTokens } from '~/lib/admin/operator-credentials';

const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;
const ADA = 'ada-token-0123456789abc';
const GRACE = 'grace-token-0123456789a';
const TOKENS = [
	{ name: 'ada', token: ADA },
	{ name: 'grace', token: GRACE },
];

describe('checkOperatorToken', () => {
	it('names the operator whose token it is, as bearer or as basic-auth password', () => {
		expect(checkOperatorToken(`Bearer ${ADA}`, TOKENS)).toEqual({ ok: true, actor: 'token:ada' });
		expect(checkOperatorToken(`Bearer ${GRACE}`, TOKENS)).toEqual({ ok: true, actor: 'token:grace' });
		expect(checkOperatorToken(basic('grace', GRACE), TOKENS)).toEqual({ ok: true, actor: 'token:grace' });
	});

	it("refuses a token under another operator's name, so the audit log cannot be misled", () => {
		expect(checkOperatorToken(basic('grace', ADA), TOKENS)).toEqual({ ok: false });
		expect(checkOperatorToken(basic('', ADA), TOKENS)).toEqual({ ok: false });
	});

	it.each([
		['no header', null],
		['a wrong bearer token', `Bearer ${ADA.slice(1)}`],
		['a wrong password', basic('ada', 'nope')],
		['basic auth without a colon', `Basic ${btoa(ADA)}`],
		['broken base64', 'Basic %%%'],
		['another scheme', `Digest ${ADA}`],
	])('refuses %s', (_case, header) => {
		expect(checkOperatorToken(header, TOKENS)).toEqual({ ok: false });
	});

	it('lets nobody in when no token is configured', () => {
		expect(checkOperatorToken('Bearer ', [])).toEqual({ ok: false });
		expect(checkOperatorToken('Bearer anything', [])).toEqual({ ok: false });
	});
});

describe('parseOperatorTokens', () => {
	it('reads name:token pairs separated by commas or line breaks', () => {
		expect(parseOperatorTokens(`ada:${ADA},\n grace : ${GRACE}\n`)).toEqual({ tokens: TOKENS });
		expect(parseOperatorTokens('')).toEqual({ tokens: [] });
	});

	it.each([
		['no name', `:${ADA}`, /^entry 1 must be "name:token"/],
		['no colon', ADA, /^entry 1 must be "name:token"/],
		['a short token', 'ada:short', /^entry 1 \(ada\): the token must be at least 20 characters/],
		['a name twice', `ada:${ADA},ada:${GRACE}`, /^entry 2 \(ada\): the name is used twice/],
		['a shared token', `ada:${ADA},grace:${ADA}`, /^entry 2 \(grace\): two operators share a token/],
	])('explains %s without repeating the token', (_case, text, message) => {
		const parsed = parseOperatorTokens(text);
		expect(parsed).toEqual({ error: expect.stringMatching(message) });
		expect(JSON.stringify(parsed)).not.toContain(ADA);
	});
});
