import { describe, expect, it } from 'vitest';
import { checkOperatorToken } from '~/lib/admin/operator-credentials';

const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

describe('checkOperatorToken', () => {
	it('accepts the token as a bearer token or as the basic-auth password, naming who acted', () => {
		expect(checkOperatorToken('Bearer s3cret', 's3cret')).toEqual({ ok: true, actor: 'token' });
		expect(checkOperatorToken(basic('ada', 's3cret'), 's3cret')).toEqual({ ok: true, actor: 'basic:ada' });
		expect(checkOperatorToken(basic('', 's3cret'), 's3cret')).toEqual({ ok: true, actor: 'basic' });
	});

	it.each([
		['no header', null],
		['a wrong bearer token', 'Bearer s3cre'],
		['a wrong password', basic('ada', 'nope')],
		['basic auth without a colon', `Basic ${btoa('s3cret')}`],
		['broken base64', 'Basic %%%'],
		['another scheme', 'Digest s3cret'],
	])('refuses %s', (_case, header) => {
		expect(checkOperatorToken(header, 's3cret')).toEqual({ ok: false });
	});

	it('lets nobody in when no token is configured', () => {
		expect(checkOperatorToken('Bearer ', undefined)).toEqual({ ok: false });
		expect(checkOperatorToken('Bearer anything', '')).toEqual({ ok: false });
	});
});
