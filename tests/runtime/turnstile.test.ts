import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServices, TURNSTILE_TEST_TOKEN } from '../mocks/mock-services';
import { signedFormToken } from '../support/form-token';
import { queryLocalD1, startTestServer, type TestServer } from '../support/server';

// Turnstile on, with the mock services standing in for its siteverify endpoint, on a server
// of its own so the other tests keep the site's default (Turnstile off).
const SECRET = 'turnstile-form-token-secret';
const SITE_KEY = '1x00000000000000000000AA';
let server: TestServer;
let mock: Awaited<ReturnType<typeof startMockServices>>;

beforeAll(async () => {
	mock = await startMockServices({ port: 4497, crmSigningSecret: 'crm-secret', emailApiKey: 'email-key' });
	server = await startTestServer({
		port: 4432,
		migrate: true,
		vars: {
			FORM_TOKEN_SECRET: SECRET,
			MIN_SUBMIT_SECONDS: '1',
			TURNSTILE_SITE_KEY: SITE_KEY,
			TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: `${mock.url}/turnstile/siteverify`,
		},
	});
}, 60_000);
afterAll(async () => {
	await server?.stop();
	await mock?.stop();
});

const statusOf = (id: string) =>
	queryLocalD1<{ status: string }>(server.stateDir, `SELECT status FROM inquiries WHERE id = '${id}'`)[0]
		?.status;
const inquiry = {
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: 'Checking the spam check.',
	consent: 'on',
};

describe('Turnstile on the contact form', () => {
	it('renders the widget, and lets only its origin load a script and a frame on /contact', async () => {
		const response = await fetch(`${server.url}/contact`);
		const html = await response.text();
		expect(html).toContain(`class="cf-turnstile" data-sitekey="${SITE_KEY}"`);
		expect(html).toContain('src="https://challenges.cloudflare.com/turnstile/v0/api.js"');
		expect(html).toContain('Our spam check needs JavaScript');
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src[^;]*https:\/\/challenges\.cloudflare\.com/);
		expect(csp).toMatch(/frame-src https:\/\/challenges\.cloudflare\.com/);
		const home = await fetch(`${server.url}/guides`);
		expect(await home.text()).not.toContain('challenges.cloudflare.com');
	});

	it('accepts a form post whose token the verifier passes, and holds a wrong one as spam', async () => {
		const formToken = await signedFormToken(SECRET);
		const post = (turnstile: string, key: string) =>
			fetch(`${server.url}/api/inquiries`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					...inquiry,
					formToken,
					idempotencyKey: key,
					'cf-turnstile-response': turnstile,
				}).toString(),
				redirect: 'manual',
			});
		const passed = await post(TURNSTILE_TEST_TOKEN, `ts-pass-${Date.now()}`);
		expect(passed.status).toBe(303);
		expect(statusOf(passed.headers.get('location')?.split('/').pop() ?? '')).toBe('received');
		const failed = await post('not-a-real-token', `ts-fail-${Date.now()}`);
		expect(statusOf(failed.headers.get('location')?.split('/').pop() ?? '')).toBe('spam');
	});

	it('checks a JSON inquiry the same way', async () => {
		const body = { ...inquiry, consent: true, formToken: await signedFormToken(SECRET) };
		const send = async (extra: object) => {
			const response = await fetch(`${server.url}/api/inquiries`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...body, ...extra }),
			});
			return statusOf(((await response.json()) as { id: string }).id);
		};
		expect(await send({ 'cf-turnstile-response': TURNSTILE_TEST_TOKEN })).toBe('received');
		expect(await send({})).toBe('spam');
	});
});
