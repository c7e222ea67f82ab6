import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload, verifySignature } from '~/lib/integrations/signature';

const secret = 'whsec_test';
const body = '{"id":"inq_1","name":"Ada"}';

describe('signPayload', () => {
	it('signs "<t>.<body>" with HMAC-SHA256, matching an independent implementation', async () => {
		const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
		expect(await signPayload(secret, 1_700_000_000, body)).toBe(`t=1700000000,v1=${expected}`);
	});
});

describe('verifySignature', () => {
	it('accepts its own signature within five minutes', async () => {
		const header = await signPayload(secret, 1_700_000_000, body);
		expect(await verifySignature(header, body, secret, 1_700_000_299)).toEqual({
			ok: true,
			timestamp: 1_700_000_000,
		});
	});

	it.each([
		['a missing header', null, 'missing'],
		['garbage', 'v1=abc', 'malformed'],
	] as const)('refuses %s', async (_case, header, reason) => {
		expect(await verifySignature(header, body, secret, 1_700_000_000)).toEqual({ ok: false, reason });
	});

	it('refuses an old timestamp, so a captured request cannot be replayed', async () => {
		const header = await signPayload(secret, 1_700_000_000, body);
		expect(await verifySignature(header, body, secret, 1_700_000_301)).toEqual({
			ok: false,
			reason: 'expired',
		});
	});

	it('refuses a changed body or a wrong secret', async () => {
		const header = await signPayload(secret, 1_700_000_000, body);
		expect(await verifySignature(header, body.replace('Ada', 'Eve'), secret, 1_700_000_000)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
		expect(await verifySignature(header, body, 'other', 1_700_000_000)).toEqual({
			ok: false,
			reason: 'mismatch',
		});
	});
});
