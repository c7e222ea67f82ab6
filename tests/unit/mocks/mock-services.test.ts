import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signPayload, SIGNATURE_HEADER } from '~/lib/integrations/signature';
import { decideFault } from '../../mocks/faults';
import { startMockServices, type MockState } from '../../mocks/mock-services';

const secret = 'test-secret';
let mock: Awaited<ReturnType<typeof startMockServices>>;
beforeAll(async () => {
	mock = await startMockServices({ port: 0, crmSigningSecret: secret, emailApiKey: 'key' });
});
afterAll(() => mock.stop());
beforeEach(async () => {
	await fetch(`${mock.url}/__reset`, { method: 'POST' });
});

async function sendLead(body: object, key: string | null, signature?: string) {
	const text = JSON.stringify(body);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	headers[SIGNATURE_HEADER] = signature ?? (await signPayload(secret, Math.floor(Date.now() / 1000), text));
	if (key) headers['idempotency-key'] = key;
	return fetch(`${mock.url}/crm/leads`, { method: 'POST', headers, body: text });
}
const state = async () => (await (await fetch(`${mock.url}/__state`)).json()) as MockState;
const control = (service: string, settings: object) =>
	fetch(`${mock.url}/__control/${service}`, { method: 'POST', body: JSON.stringify(settings) });

describe('the mock CRM', () => {
	it('records a signed lead once, however often the same Idempotency-Key is sent', async () => {
		expect((await sendLead({ name: 'Ada' }, 'inq_1')).status).toBe(200);
		expect((await sendLead({ name: 'Ada' }, 'inq_1')).status).toBe(200);
		const s = await state();
		expect(Object.keys(s.leads)).toEqual(['inq_1']);
		expect(s.repeats).toBe(1);
	});

	it('refuses a bad signature with 401', async () => {
		expect((await sendLead({ name: 'Eve' }, 'inq_2', 't=1,v1=' + '0'.repeat(64))).status).toBe(401);
		expect((await state()).leads).toEqual({});
	});

	it('fails the next N calls on demand, then recovers', async () => {
		await control('crm', { failNext: 2 });
		expect((await sendLead({}, 'a')).status).toBe(500);
		expect((await sendLead({}, 'a')).status).toBe(500);
		expect((await sendLead({}, 'a')).status).toBe(200);
	});

	it('answers 429 with Retry-After when told to rate-limit', async () => {
		await control('crm', { rateLimitNext: 1 });
		const response = await sendLead({}, 'b');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('2');
	});

	it('is down for an outage window', async () => {
		await control('crm', { outageForMs: 60_000 });
		expect((await sendLead({}, 'c')).status).toBe(503);
		expect((await state()).leads).toEqual({});
	});
});

describe('the mock email API', () => {
	it('needs the API key', async () => {
		const send = (auth: string) =>
			fetch(`${mock.url}/email/send`, {
				method: 'POST',
				headers: { authorization: auth, 'idempotency-key': 'e1' },
				body: '{"to":"team@example.com"}',
			});
		expect((await send('Bearer wrong')).status).toBe(401);
		expect((await send('Bearer key')).status).toBe(200);
		expect(Object.keys((await state()).emails)).toEqual(['e1']);
	});
});

describe('decideFault', () => {
	const none = { errorRate: 0, latencyMs: 0, outage: null, rateLimitNext: 0, failNext: 0 };
	it('fails about the configured share of calls', () => {
		expect(decideFault({ ...none, errorRate: 0.3 }, 0, () => 0.29).status).toBe(503);
		expect(decideFault({ ...none, errorRate: 0.3 }, 0, () => 0.31).status).toBe(200);
	});
});
